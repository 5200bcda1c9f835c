import type PgBoss from "pg-boss";
import { type SendDeps, sendOrder } from "./send-order.js";
import { pendingOrders } from "./send.repository.js";
import { every } from "../../../jobs/every.js";

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

interface SendJob {
  shopId: string;
  orderId: string;
}

export interface InvoiceWorkerOptions extends SendDeps {
  boss: PgBoss;
  /** Sends run at once by this process (each order has its own lease). */
  concurrency?: number;
  sweepSeconds?: number;
}

/**
 * Invoice sends as durable pg-boss jobs. A job that must try again throws, so pg-boss retries
 * it with backoff; sendOrder itself counts attempts and ends in "failed" with Retry, so the
 * queue's own limit is only a backstop. The sweep is the recovery path after a crash.
 */
export async function startInvoiceWorker(opts: InvoiceWorkerOptions): Promise<InvoiceWorker> {
  const log = opts.logger.child({ component: "invoice-worker" });
  await opts.boss.createQueue(INVOICE_QUEUE, {
    name: INVOICE_QUEUE,
    retryLimit: 20,
    retryDelay: 1,
    retryBackoff: true,
    expireInSeconds: 10 * 60,
  });
  let stopping = false;
  const handle = async ([job]: PgBoss.Job<SendJob>[]) => {
    if (!job || stopping) return;
    const outcome = await sendOrder(opts, job.data.shopId, job.data.orderId);
    if (outcome === "retry" || outcome === "busy")
      throw new Error(`invoice send will be retried (${outcome})`);
  };
  const workIds: string[] = [];
  for (let i = 0; i < (opts.concurrency ?? 4); i++)
    workIds.push(
      await opts.boss.work<SendJob>(
        INVOICE_QUEUE,
        { batchSize: 1, pollingIntervalSeconds: 0.5 },
        handle,
      ),
    );
  const enqueue = async (shopId: string, orderId: string) => {
    if (stopping) return;
    await opts.boss.send(INVOICE_QUEUE, { shopId, orderId });
    for (const id of workIds) opts.boss.notifyWorker(id);
  };
  const sweep = async () => {
    for (const o of await pendingOrders(opts.db)) await enqueue(o.shopId, o.id);
  };
  const stopSweeping = every(opts.sweepSeconds ?? 60, sweep, log, "invoice sweep");
  await sweep();
  return {
    enqueue,
    sweep,
    async stop() {
      stopping = true;
      stopSweeping();
      await opts.boss.offWork(INVOICE_QUEUE);
    },
  };
}
