import type PgBoss from "pg-boss";
import { startWriteWorker } from "../../jobs/write-worker.js";
import { stoppedExports } from "./exports.repository.js";
import { type RunExportDeps, runExport } from "./run-export.js";

export const EXPORT_QUEUE = "quickbooks-export";

export interface ExportQueue {
  /** Hands an export to a worker (any process sharing the database). */
  enqueue(exportId: string): Promise<void>;
}

export interface ExportWorker extends ExportQueue {
  /** Re-queues every export left live by a runner that stopped (a lost job, a crash). */
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

export interface ExportWorkerOptions {
  boss: PgBoss;
  /** The app's deps, read as each job runs (an export ends by queueing imports on them). */
  deps: RunExportDeps;
  concurrency?: number;
  sweepSeconds?: number;
}

/**
 * Exports to QuickBooks as durable pg-boss jobs, on the same mechanism as invoice sends and
 * stock adjustments (jobs/write-worker.ts). The export's row is its state: `claimExport` lets one
 * runner hold it, each batch commits with its cursor and renews the lease, and the sweep
 * resumes an export whose runner died once that lease lapses.
 */
export async function startExportWorker(opts: ExportWorkerOptions): Promise<ExportWorker> {
  const worker = await startWriteWorker<{ exportId: string }>({
    boss: opts.boss,
    logger: opts.deps.logger,
    queue: EXPORT_QUEUE,
    run: async (job) => {
      await runExport(opts.deps, job.exportId);
      return "done";
    },
    pending: async () => (await stoppedExports(opts.deps.db)).map((r) => ({ exportId: r.id })),
    concurrency: opts.concurrency ?? 2,
    sweepSeconds: opts.sweepSeconds ?? 30,
    // A large export runs for many minutes; its lease, not pg-boss's expiry, says it is alive.
    expireSeconds: 6 * 3600,
  });
  return {
    enqueue: (exportId) => worker.enqueue({ exportId }),
    sweep: () => worker.sweep(),
    stop: () => worker.stop(),
  };
}
