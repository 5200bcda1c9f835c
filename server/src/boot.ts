import { join } from "node:path";
import type { AppDeps } from "./app-deps.js";
import { type Env, isDemoMode, publicUrl, sandboxUrl } from "./config/env.js";
import { openDatabase } from "./db/client.js";
import { createCallCounter } from "./features/quickbooks-health/call-counter.js";
import { connectionTokenStore } from "./features/quickbooks-connection/connection.repository.js";
import { createQbo } from "./integrations/qbo/index.js";
import { qboConfig } from "./integrations/qbo/config.js";
import { createCipher } from "./lib/crypto.js";
import { loadOrCreateDemoSecrets } from "./lib/demo-secrets.js";
import type { Logger } from "./lib/logger.js";

/** The composition root shared by main.ts and the integration tests: env → db → deps. */
export async function buildDeps(
  env: Env,
  logger: Logger,
  overrides: Partial<AppDeps> = {},
): Promise<AppDeps> {
  const demoMode = isDemoMode(env);
  // Only demo mode generates secrets; parseEnv requires both everywhere else.
  const demo = demoMode ? loadOrCreateDemoSecrets(env.DATA_DIR) : undefined;
  const sessionSecret = env.SESSION_SECRET ?? demo?.sessionSecret ?? "";
  const tokenKey = env.TOKEN_ENCRYPTION_KEY ?? demo?.tokenEncryptionKey ?? "";
  const database =
    overrides.database ??
    (await openDatabase({ url: env.DATABASE_URL, pgliteDir: join(env.DATA_DIR, "pglite") }));
  await database.migrate();
  const cipher = createCipher(tokenKey);
  const config = qboConfig({
    environment: env.QBO_ENVIRONMENT,
    clientId: env.QBO_CLIENT_ID,
    clientSecret: env.QBO_CLIENT_SECRET,
    redirectUri: env.QBO_REDIRECT_URI ?? `${publicUrl(env)}/api/quickbooks/oauth/callback`,
    sandboxUrl: sandboxUrl(env),
  });
  const calls = overrides.calls ?? createCallCounter(database.db, logger);
  // Several BFF processes may share a PostgreSQL: Intuit's limits are then kept in the database.
  const qbo = createQbo(
    config,
    sandboxUrl(env),
    connectionTokenStore(database.db, cipher),
    logger,
    "connectionString" in database.boss ? database.boss.connectionString : undefined,
    (realmId, n) => calls.record(realmId, n),
  );
  return {
    env,
    database,
    db: database.db,
    logger,
    demoMode,
    sessionSecret: new TextEncoder().encode(sessionSecret),
    cipher,
    qbo,
    calls,
    ...overrides,
  };
}
