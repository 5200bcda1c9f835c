import type PgBoss from "pg-boss";
import type { Logger } from "../../lib/logger.js";
import { runCatchUp } from "./catch-up.js";
import { connectedShops, recordCatchUpError } from "./cursor.repository.js";
import { shopsWithPending } from "./pending.repository.js";
import { type SyncDeps, processPending } from "./process-pending.js";
import { every } from "../../jobs/every.js";
import { pollingSeconds } from "../../jobs/queue.js";

export const SYNC_QUEUE = "quickbooks-sync";

export interface SyncQueue {
  /** Wake the worker for a shop's pending webhook changes. */
  notify(shopId: string): Promise<void>;
  /** Queue a change-data-capture catch-up for a shop. */
  catchUp(shopId: string): Promise<void>;
}

export interface SyncWorker extends SyncQueue {
  /** One scheduler pass: catch-ups that are due (or follow a reconnect), leftover pending work. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

interface SyncJob {
  shopId: string;
  kind: "pending" | "catch_up";
}

export interface SyncWorkerOptions extends SyncDeps {
  boss: PgBoss;
  logger: Logger;
  /** How often the scheduler looks for due catch-ups and leftover work. */
  tickSeconds: number;
  /** A connected company is caught up at least this often. */
  catchUpSeconds: number;
}

export async function startSyncWorker(opts: SyncWorkerOptions): Promise<SyncWorker> {
  const log = opts.logger.child({ component: "sync-worker" });
  // "stately": per shop and kind, one job queued and one running. Events that arrive while a
  // shop is being processed leave exactly one follow-up job, never a pile.
  await opts.boss.createQueue(SYNC_QUEUE, {
    name: SYNC_QUEUE,
    policy: "stately",
    retryLimit: 5,
    retryDelay: 2,
    retryBackoff: true,
    expireInSeconds: 15 * 60,
  });
  let stopping = false;
  const send = async (job: SyncJob) => {
    if (stopping) return;
    await opts.boss.send(SYNC_QUEUE, job, { singletonKey: `${job.kind}:${job.shopId}` });
    opts.boss.notifyWorker(workId);
  };
  const handle = async ([job]: PgBoss.Job<SyncJob>[]) => {
    if (!job || stopping) return;
    const { shopId, kind } = job.data;
    if (kind === "pending") {
      const { waiting } = await processPending(opts, shopId);
      // Own writes still landing: look again shortly rather than at the next tick.
      if (waiting > 0) setTimeout(() => void send({ shopId, kind }).catch(() => undefined), 1000);
      return;
    }
    try {
      const r = await runCatchUp(opts, shopId);
      if (r) log.info({ shopId, ...r }, "QuickBooks catch-up done");
    } catch (err) {
      await recordCatchUpError(opts.db, shopId, err instanceof Error ? err.message : String(err));
      throw err; // pg-boss retries with backoff
    }
  };
  const workId = await opts.boss.work<SyncJob>(
    SYNC_QUEUE,
    { batchSize: 1, pollingIntervalSeconds: pollingSeconds(opts.boss, 1) },
    handle,
  );

  const tick = async () => {
    const now = Date.now();
    for (const s of await connectedShops(opts.db)) {
      const reconnected = s.cursorConnectedAt?.getTime() !== s.connectedAt.getTime();
      const due = !s.lastCatchUpAt || now - s.lastCatchUpAt.getTime() >= opts.catchUpSeconds * 1000;
      if (reconnected || due) await send({ shopId: s.shopId, kind: "catch_up" });
    }
    for (const shopId of await shopsWithPending(opts.db)) await send({ shopId, kind: "pending" });
  };
  const stopTicking = every(opts.tickSeconds, tick, log, "sync tick");
  void tick().catch((err: unknown) => log.warn({ err }, "sync tick failed"));

  return {
    notify: (shopId) => send({ shopId, kind: "pending" }),
    catchUp: (shopId) => send({ shopId, kind: "catch_up" }),
    tick,
    async stop() {
      stopping = true;
      stopTicking();
      await opts.boss.offWork(SYNC_QUEUE);
    },
  };
}
