import { createServer } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createApp } from "./app.js";
import { buildDeps } from "./boot.js";
import { loadDotEnv } from "./config/dotenv.js";
import { parseEnv } from "./config/env.js";
import { startExportSweep } from "./features/quickbooks-export/exports.service.js";
import { startInvoiceWorker } from "./features/orders/quickbooks/invoice.worker.js";
import { startAdjustmentWorker } from "./features/inventory/quickbooks/adjustment.worker.js";
import { startSyncWorker } from "./features/sync/sync.worker.js";
import { startImportWorker } from "./jobs/import-worker.js";
import { startJobQueue } from "./jobs/queue.js";
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
// Durable jobs: imports resume here after a crash or restart (the worker's sweep on start).
const jobQueue = await startJobQueue(deps.database, logger);
const importWorker = await startImportWorker({
  db: deps.db,
  boss: jobQueue.boss,
  client: deps.qbo.client,
  logger,
  leaseSeconds: env.IMPORT_LEASE_SECONDS,
  pageSize: env.IMPORT_PAGE_SIZE,
  // PGlite spins instead of failing on a full disk; PostgreSQL's disk is its server's.
  ...(deps.database.kind === "pglite"
    ? { storage: storageGuard(env.DATA_DIR, () => env.STORAGE_MIN_FREE_MB * 1024 * 1024) }
    : {}),
});
deps.importQueue = importWorker;
// QuickBooks → Shopmonkey: webhook work and the periodic change-data-capture catch-up.
const syncWorker = await startSyncWorker({
  db: deps.db,
  boss: jobQueue.boss,
  client: deps.qbo.client,
  logger,
  tickSeconds: env.SYNC_TICK_SECONDS,
  catchUpSeconds: env.SYNC_CATCH_UP_SECONDS,
});
deps.syncQueue = syncWorker;
// Shopmonkey → QuickBooks: invoice sends, retried until QuickBooks holds each exactly once.
const invoiceWorker = await startInvoiceWorker({
  db: deps.db,
  boss: jobQueue.boss,
  client: deps.qbo.client,
  logger,
});
deps.invoiceQueue = invoiceWorker;
// Shopmonkey → QuickBooks: stock counts as inventory adjustments, exactly once, in order per part.
const adjustmentWorker = await startAdjustmentWorker({
  db: deps.db,
  boss: jobQueue.boss,
  client: deps.qbo.client,
  logger,
});
deps.adjustmentQueue = adjustmentWorker;
// Exports run in this process; one whose runner died with an earlier process resumes here.
const exportSweep = startExportSweep(deps);
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
  exportSweep.stop();
  await importWorker
    .stop()
    .catch((err: unknown) => logger.error({ err }, "import worker stop failed"));
  await syncWorker.stop().catch((err: unknown) => logger.error({ err }, "sync worker stop failed"));
  await invoiceWorker
    .stop()
    .catch((err: unknown) => logger.error({ err }, "invoice worker stop failed"));
  await adjustmentWorker
    .stop()
    .catch((err: unknown) => logger.error({ err }, "adjustment worker stop failed"));
  await jobQueue.stop().catch((err: unknown) => logger.error({ err }, "job queue stop failed"));
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
