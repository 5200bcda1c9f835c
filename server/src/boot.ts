import { join } from "node:path";
import type { AppDeps } from "./app.js";
import { type Env, isDemoMode } from "./config/env.js";
import { openDatabase } from "./db/client.js";
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
  const needsDemoSecrets =
    env.SESSION_SECRET === undefined || env.TOKEN_ENCRYPTION_KEY === undefined;
  const demo = needsDemoSecrets ? loadOrCreateDemoSecrets(env.DATA_DIR) : undefined;
  const sessionSecret = env.SESSION_SECRET ?? demo?.sessionSecret ?? "";
  const tokenKey = env.TOKEN_ENCRYPTION_KEY ?? demo?.tokenEncryptionKey ?? "";
  const database =
    overrides.database ??
    (await openDatabase({ url: env.DATABASE_URL, pgliteDir: join(env.DATA_DIR, "pglite") }));
  await database.migrate();
  return {
    env,
    database,
    db: database.db,
    logger,
    demoMode,
    sessionSecret: new TextEncoder().encode(sessionSecret),
    cipher: createCipher(tokenKey),
    ...overrides,
  };
}
