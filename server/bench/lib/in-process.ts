import { buildDeps } from "../../src/boot.js";
import { parseEnv } from "../../src/config/env.js";
import type { AppDeps } from "../../src/app-deps.js";
import { createLogger } from "../../src/lib/logger.js";
import type { BenchContext } from "./context.js";

/**
 * The server's own composition root in the bench process, on the bench database, with the
 * child's secrets (so the QBO client can decrypt the tokens the child stored). Only while no
 * child server is running: PGlite is one process at a time.
 */
export async function withInProcessDeps<T>(
  ctx: BenchContext,
  fn: (deps: AppDeps) => Promise<T>,
): Promise<T> {
  const env = parseEnv({
    NODE_ENV: "production",
    PORT: String(ctx.port),
    PUBLIC_URL: `http://127.0.0.1:${ctx.port}`,
    DATA_DIR: ctx.database.dataDir,
    QBO_SANDBOX_URL: ctx.sandbox.url,
    SESSION_SECRET: ctx.secrets.sessionSecret,
    TOKEN_ENCRYPTION_KEY: ctx.secrets.tokenKey,
    LOG_LEVEL: "warn",
  });
  const database = await ctx.database.open();
  try {
    const deps = await buildDeps(env, createLogger({ level: "warn" }), { database });
    return await fn(deps);
  } finally {
    await database.close();
  }
}
