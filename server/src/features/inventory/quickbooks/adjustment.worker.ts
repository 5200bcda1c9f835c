import type PgBoss from "pg-boss";
import { startWriteWorker } from "../../../jobs/write-worker.js";
import { partsWithPending } from "./adjustments.repository.js";
import { type AdjustmentDeps, sendPartAdjustments } from "./send-adjustments.js";

export const ADJUSTMENT_QUEUE = "quickbooks-stock-adjustment";

export interface AdjustmentQueue {
  /** Hands a part's pending adjustments to a worker (any process sharing the database). */
  enqueue(shopId: string, partId: string): Promise<void>;
}

export interface AdjustmentWorker extends AdjustmentQueue {
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

export interface AdjustmentWorkerOptions extends AdjustmentDeps {
  boss: PgBoss;
  concurrency?: number;
  sweepSeconds?: number;
}

/** Stock adjustments as durable jobs, one per part, on the same mechanism as invoice sends. */
export async function startAdjustmentWorker(
  opts: AdjustmentWorkerOptions,
): Promise<AdjustmentWorker> {
  const worker = await startWriteWorker<{ shopId: string; partId: string }>({
    boss: opts.boss,
    logger: opts.logger,
    queue: ADJUSTMENT_QUEUE,
    run: (job) => sendPartAdjustments(opts, job.shopId, job.partId),
    pending: () => partsWithPending(opts.db),
    ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
    ...(opts.sweepSeconds !== undefined ? { sweepSeconds: opts.sweepSeconds } : {}),
  });
  return {
    enqueue: (shopId, partId) => worker.enqueue({ shopId, partId }),
    sweep: () => worker.sweep(),
    stop: () => worker.stop(),
  };
}
