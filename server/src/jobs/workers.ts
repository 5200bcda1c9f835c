import type { Env } from "../config/env.js";
import type { Database, Db } from "../db/client.js";
import {
  type AdjustmentQueue,
  type AdjustmentWorker,
  startAdjustmentWorker,
} from "../features/inventory/quickbooks/adjustment.worker.js";
import {
  type ImportQueue,
  type ImportWorker,
  startImportWorker,
} from "../features/imports/import.worker.js";
import {
  type InvoiceQueue,
  type InvoiceWorker,
  startInvoiceWorker,
} from "../features/orders/quickbooks/invoice.worker.js";
import {
  type ExportQueue,
  type ExportWorker,
  startExportWorker,
} from "../features/quickbooks-export/export.worker.js";
import { type SyncQueue, type SyncWorker, startSyncWorker } from "../features/sync/sync.worker.js";
import type { QboClient } from "../integrations/qbo/client.js";
import type { Logger } from "../lib/logger.js";
import type { StorageGuard } from "../lib/storage.js";
import { startJobQueue } from "./queue.js";

/**
 * What the workers need from the app, and where each hands its queue back: a request that
 * queues work (an import, an export, a send) finds the queue on the same deps object.
 */
export interface WorkerHost {
  env: Pick<
    Env,
    | "IMPORT_LEASE_SECONDS"
    | "IMPORT_PAGE_SIZE"
    | "IMPORT_CHUNK_ROWS"
    | "SYNC_TICK_SECONDS"
    | "SYNC_CATCH_UP_SECONDS"
  >;
  database: Database;
  db: Db;
  logger: Logger;
  qbo: { client: QboClient };
  importQueue?: ImportQueue;
  exportQueue?: ExportQueue;
  syncQueue?: SyncQueue;
  invoiceQueue?: InvoiceQueue;
  adjustmentQueue?: AdjustmentQueue;
}

export type WorkerKind = "imports" | "exports" | "sync" | "invoices" | "adjustments";
const ALL: readonly WorkerKind[] = ["imports", "exports", "sync", "invoices", "adjustments"];

export interface StartWorkersOptions {
  /** The workers to run; all of them unless told (tests run the ones their story needs). */
  only?: readonly WorkerKind[];
  /**
   * Periodic passes (sweeps of lapsed leases, the sync's scheduler). A test sets them long and
   * calls sweep()/tick() itself, so nothing runs behind its back.
   */
  sweepSeconds?: number;
  syncTickSeconds?: number;
  catchUpSeconds?: number;
  /** The embedded database's disk (PGlite): imports pause while it is nearly full. */
  storage?: StorageGuard;
  invoiceConcurrency?: number;
}

export interface Workers {
  imports?: ImportWorker;
  exports?: ExportWorker;
  sync?: SyncWorker;
  invoices?: InvoiceWorker;
  adjustments?: AdjustmentWorker;
  /** Stops taking work (a running import commits its page and gives its job back), then the queue. */
  stop(): Promise<void>;
}

/**
 * The one way background work starts (docs/decisions/0010-background-work.md): one pg-boss
 * queue on the app's database, each feature's worker beside its feature, every queue wired
 * into the deps the routers use. main.ts and the test harnesses both call this.
 */
/**
 * The embedded database has one connection: a request waits for any open transaction to end.
 * 250 rows of an import take ~30–45 ms to write there, a 1,000-row page ~150 ms
 * (docs/performance.md), so imports write in chunks of this many rows.
 */
const EMBEDDED_CHUNK_ROWS = 250;

export async function startWorkers(
  host: WorkerHost,
  opts: StartWorkersOptions = {},
): Promise<Workers> {
  const run = new Set(opts.only ?? ALL);
  const queue = await startJobQueue(host.database, host.logger);
  const common = { db: host.db, boss: queue.boss, client: host.qbo.client, logger: host.logger };
  const sweep = opts.sweepSeconds !== undefined ? { sweepSeconds: opts.sweepSeconds } : {};
  const w: Omit<Workers, "stop"> = {};
  if (run.has("imports")) {
    w.imports = await startImportWorker({
      ...common,
      leaseSeconds: host.env.IMPORT_LEASE_SECONDS,
      pageSize: host.env.IMPORT_PAGE_SIZE,
      chunkRows:
        host.env.IMPORT_CHUNK_ROWS ??
        (host.database.kind === "pglite" ? EMBEDDED_CHUNK_ROWS : host.env.IMPORT_PAGE_SIZE),
      // PostgreSQL writes the next page while the previous one commits (docs/decisions/0014); the
      // embedded database has one connection, so one page at a time.
      pagesInFlight: host.database.kind === "pglite" ? 1 : 2,
      ...(opts.storage ? { storage: opts.storage } : {}),
    });
    host.importQueue = w.imports;
  }
  if (run.has("exports")) {
    w.exports = await startExportWorker({ boss: queue.boss, deps: host, ...sweep });
    host.exportQueue = w.exports;
  }
  if (run.has("sync")) {
    w.sync = await startSyncWorker({
      ...common,
      tickSeconds: opts.syncTickSeconds ?? host.env.SYNC_TICK_SECONDS,
      catchUpSeconds: opts.catchUpSeconds ?? host.env.SYNC_CATCH_UP_SECONDS,
    });
    host.syncQueue = w.sync;
  }
  if (run.has("invoices")) {
    w.invoices = await startInvoiceWorker({
      ...common,
      ...sweep,
      ...(opts.invoiceConcurrency !== undefined ? { concurrency: opts.invoiceConcurrency } : {}),
    });
    host.invoiceQueue = w.invoices;
  }
  if (run.has("adjustments")) {
    w.adjustments = await startAdjustmentWorker({ ...common, ...sweep });
    host.adjustmentQueue = w.adjustments;
  }
  const stopOne = (name: string, worker?: { stop(): Promise<void> }) =>
    worker
      ?.stop()
      .catch((err: unknown) => host.logger.error({ err }, `${name} worker stop failed`));
  return {
    ...w,
    async stop() {
      // The import first: it finishes its page and gives the job back for the next process.
      await stopOne("import", w.imports);
      await stopOne("export", w.exports);
      await stopOne("sync", w.sync);
      await stopOne("invoice", w.invoices);
      await stopOne("adjustment", w.adjustments);
      await queue
        .stop()
        .catch((err: unknown) => host.logger.error({ err }, "job queue stop failed"));
    },
  };
}
