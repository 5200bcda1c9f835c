import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createApp } from "./app.js";
import { buildDeps } from "./boot.js";
import { loadDotEnv } from "./config/dotenv.js";
import { parseEnv } from "./config/env.js";
import { startWorkers } from "./jobs/workers.js";
import { createLogger } from "./lib/logger.js";
import { storageGuard } from "./lib/storage.js";
import { startWatchdog } from "./lib/watchdog.js";
import { surviveDatabaseOutages } from "./db/unavailable.js";

loadDotEnv();
const env = parseEnv();
const logger = createLogger({ level: env.LOG_LEVEL });
// A stuck main thread answers nothing, /healthz included: a separate thread watches it.
const watchdog = startWatchdog({
  logger,
  warnAfterMs: env.EVENT_LOOP_WARN_SECONDS * 1000,
  exitAfterMs: env.EVENT_LOOP_EXIT_SECONDS * 1000,
});
const here = dirname(fileURLToPath(import.meta.url));

const deps = await buildDeps(env, logger, {
  webDistDir: env.NODE_ENV === "production" ? join(here, "../../web/dist") : undefined,
});
// Background work, one way (jobs/workers.ts): imports and exports resume here after a crash or
// restart, QuickBooks changes arrive (webhooks, catch-up), invoice sends and stock adjustments
// go out exactly once.
const workers = await startWorkers(deps, {
  // PGlite spins instead of failing on a full disk; PostgreSQL's disk is its server's.
  ...(deps.database.kind === "pglite"
    ? { storage: storageGuard(env.DATA_DIR, () => env.STORAGE_MIN_FREE_MB * 1024 * 1024) }
    : {}),
});
// Only now: a database down at boot must still fail the boot (a top-level await's rejection
// reaches these handlers too).
surviveDatabaseOutages(logger);
const app = createApp(deps);
const server = createServer(app);
server.listen(env.PORT, env.HOST, () => {
  logger.info(
    {
      url: `http://${env.HOST}:${env.PORT}`,
      demoMode: deps.demoMode,
      database: deps.database.kind,
    },
    "server listening",
  );
});

/** SIGTERM: stop accepting, let in-flight requests finish, close the database, exit. */
let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  const force = setTimeout(() => process.exit(1), 15_000);
  force.unref();
  // Stop taking jobs first: a running import commits its current page and gives the job back.
  await workers.stop();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await deps.qbo.close().catch((err: unknown) => logger.error({ err }, "limiter close failed"));
  await deps.calls.flush();
  await deps.database.close();
  await watchdog.stop();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
// Started by `pnpm start`'s launcher over an IPC channel: if the launcher dies, so do we.
if (process.send) process.on("disconnect", () => void shutdown("launcher exited"));
