import { randomUUID } from "node:crypto";
import type PgBoss from "pg-boss";
import type { Db } from "../../db/client.js";
import { takeStaleJobs } from "./jobs.repository.js";
import { type ImportEngineDeps, runImport } from "./engine/run-import.js";
import { runUndo } from "./undo/run-undo.js";
import { takeStaleUndos } from "./undo/undo.repository.js";
import type { QboClient } from "../../integrations/qbo/client.js";
import type { Logger } from "../../lib/logger.js";
import type { StorageGuard } from "../../lib/storage.js";
import { every } from "../../jobs/every.js";
import { pollingSeconds } from "../../jobs/queue.js";

export const IMPORT_QUEUE = "quickbooks-import";

export interface ImportQueue {
  /** Hands a queued import job to a worker (any process sharing the database). */
  enqueue(jobId: string): Promise<void>;
}

export interface ImportWorker extends ImportQueue {
  /** Re-enqueues jobs whose worker died (stale lease); runs on start and periodically. */
  sweep(): Promise<void>;
  /** Stops taking jobs; a running import finishes its current page, then gives the job back. */
  stop(): Promise<void>;
}

export interface WorkerDeps {
  db: Db;
  boss: PgBoss;
  client: QboClient;
  logger: Logger;
  leaseSeconds: number;
  pageSize: number;
  /** Imports run at once by this process; each holds a page transaction only briefly. */
  concurrency?: number;
  prefetch?: number;
  /** Rows per write transaction (ImportEngineDeps.chunkRows); a whole page by default. */
  chunkRows?: number;
  /** Pages written at once (ImportEngineDeps.pagesInFlight); one by default. */
  pagesInFlight?: number;
  /** The embedded database's disk (PGlite): imports pause while it is nearly full. */
  storage?: StorageGuard;
}

export async function startImportWorker(deps: WorkerDeps): Promise<ImportWorker> {
  const log = deps.logger.child({ component: "import-worker" });
  // pg-boss's own retry would replay a job we already resume from its cursor; the lease sweeper
  // is the recovery path, so the queue does not retry or expire on its own schedule.
  await deps.boss.createQueue(IMPORT_QUEUE, {
    name: IMPORT_QUEUE,
    retryLimit: 0,
    expireInSeconds: 23 * 3600,
  });
  const engine: ImportEngineDeps = {
    db: deps.db,
    client: deps.client,
    logger: deps.logger,
    leaseSeconds: deps.leaseSeconds,
    pageSize: deps.pageSize,
    prefetch: deps.prefetch ?? 4,
    chunkRows: deps.chunkRows ?? deps.pageSize,
    pagesInFlight: deps.pagesInFlight ?? 1,
    ...(deps.storage ? { storage: deps.storage } : {}),
  };
  const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  let stopping = false;
  const inFlight = new Set<Promise<unknown>>();

  // The same doorbell rings for an undo whose first runner (an API request) died mid-way.
  const handle = async (batch: PgBoss.Job<{ jobId: string; undo?: boolean }>[]) => {
    for (const job of batch) {
      if (stopping) return;
      const run = job.data.undo
        ? runUndo(engine, job.data.jobId, workerId, () => stopping)
        : runImport(engine, job.data.jobId, workerId, () => stopping);
      inFlight.add(run);
      try {
        await run;
      } catch (err) {
        log.error({ err, importJobId: job.data.jobId }, "import worker crashed on a job");
      } finally {
        inFlight.delete(run);
      }
    }
  };
  const workIds: string[] = [];
  for (let i = 0; i < (deps.concurrency ?? 2); i++) {
    workIds.push(
      await deps.boss.work(
        IMPORT_QUEUE,
        { batchSize: 1, pollingIntervalSeconds: pollingSeconds(deps.boss, 1) },
        handle,
      ),
    );
  }

  const enqueue = async (jobId: string, undo = false) => {
    await deps.boss.send(IMPORT_QUEUE, undo ? { jobId, undo } : { jobId });
    // Poll now instead of at the next interval: the user is watching the progress bar.
    for (const id of workIds) deps.boss.notifyWorker(id);
  };
  const sweep = async () => {
    if (stopping) return;
    for (const jobId of await takeStaleJobs(deps.db, deps.leaseSeconds)) {
      log.info({ importJobId: jobId }, "resuming an import whose worker stopped");
      await enqueue(jobId);
    }
    for (const jobId of await takeStaleUndos(deps.db, deps.leaseSeconds)) {
      log.info({ importJobId: jobId }, "resuming an undo whose worker stopped");
      await enqueue(jobId, true);
    }
  };
  const stopSweeping = every(Math.max(0.5, deps.leaseSeconds / 2), sweep, log, "import sweep");
  await sweep();

  return {
    enqueue: (jobId) => enqueue(jobId),
    sweep,
    async stop() {
      stopping = true;
      stopSweeping();
      await deps.boss.offWork(IMPORT_QUEUE);
      await Promise.allSettled([...inFlight]);
    },
  };
}
