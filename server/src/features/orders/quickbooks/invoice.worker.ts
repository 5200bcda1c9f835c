import type PgBoss from "pg-boss";
import { type SendDeps, sendOrder } from "./send-order.js";
import { pendingOrders } from "./send.repository.js";
import { startWriteWorker } from "../../../jobs/write-worker.js";

export const INVOICE_QUEUE = "quickbooks-invoice";

export interface InvoiceQueue {
  /** Hands an order's pending send to a worker (any process sharing the database). */
  enqueue(shopId: string, orderId: string): Promise<void>;
}

export interface InvoiceWorker extends InvoiceQueue {
  /** Re-queues every pending send nobody holds (a lost job, a crashed process). */
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

export interface InvoiceWorkerOptions extends SendDeps {
  boss: PgBoss;
  /** Sends run at once by this process (each order has its own lease). */
  concurrency?: number;
  sweepSeconds?: number;
}

/**
 * Invoice sends as durable pg-boss jobs (jobs/write-worker.ts). sendOrder itself counts
 * attempts and ends in "failed" with Retry, so the queue's own limit is only a backstop.
 */
export async function startInvoiceWorker(opts: InvoiceWorkerOptions): Promise<InvoiceWorker> {
  const worker = await startWriteWorker<{ shopId: string; orderId: string }>({
    boss: opts.boss,
    logger: opts.logger,
    queue: INVOICE_QUEUE,
    run: (job) => sendOrder(opts, job.shopId, job.orderId),
    pending: async () =>
      (await pendingOrders(opts.db)).map((o) => ({ shopId: o.shopId, orderId: o.id })),
    ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
    ...(opts.sweepSeconds !== undefined ? { sweepSeconds: opts.sweepSeconds } : {}),
  });
  return {
    enqueue: (shopId, orderId) => worker.enqueue({ shopId, orderId }),
    sweep: () => worker.sweep(),
    stop: () => worker.stop(),
  };
}
