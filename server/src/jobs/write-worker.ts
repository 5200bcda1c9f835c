import type PgBoss from "pg-boss";
import type { Logger } from "../lib/logger.js";
import { every } from "./every.js";
import { pollingSeconds } from "./queue.js";

/**
 * One durable queue of QuickBooks writes (invoice sends, stock adjustments, exports): pg-boss jobs keyed
 * by a record, run by a few workers, retried with backoff while the write says so, and a sweep
 * that re-queues every write still pending that nobody holds (a lost job, a crashed process).
 * The write itself is crash-safe (stored with its requestid before the call); this only makes
 * sure something keeps calling it until it is sent or failed.
 */
export interface WriteQueue<J> {
  enqueue(job: J): Promise<void>;
}

export interface WriteWorker<J> extends WriteQueue<J> {
  sweep(): Promise<void>;
  stop(): Promise<void>;
}

export interface WriteWorkerOptions<J extends object> {
  boss: PgBoss;
  logger: Logger;
  queue: string;
  /** One run of the write; "retry"/"busy" make pg-boss run the job again later. */
  run(job: J): Promise<string>;
  /** Writes pending and unleased, to re-queue. */
  pending(): Promise<J[]>;
  concurrency?: number;
  sweepSeconds?: number;
  /** How long one run may take before pg-boss hands the job out again (default 10 minutes). */
  expireSeconds?: number;
}

export async function startWriteWorker<J extends object>(
  opts: WriteWorkerOptions<J>,
): Promise<WriteWorker<J>> {
  const log = opts.logger.child({ component: opts.queue });
  await opts.boss.createQueue(opts.queue, {
    name: opts.queue,
    retryLimit: 20,
    retryDelay: 1,
    retryBackoff: true,
    expireInSeconds: opts.expireSeconds ?? 10 * 60,
  });
  let stopping = false;
  const handle = async ([job]: PgBoss.Job<J>[]) => {
    if (!job || stopping) return;
    const outcome = await opts.run(job.data);
    if (outcome === "retry" || outcome === "busy")
      throw new Error(`${opts.queue} write will be retried (${outcome})`);
  };
  const workIds: string[] = [];
  for (let i = 0; i < (opts.concurrency ?? 4); i++)
    workIds.push(
      await opts.boss.work<J>(
        opts.queue,
        { batchSize: 1, pollingIntervalSeconds: pollingSeconds(opts.boss, 0.5) },
        handle,
      ),
    );
  const enqueue = async (job: J) => {
    if (stopping) return;
    await opts.boss.send(opts.queue, job);
    for (const id of workIds) opts.boss.notifyWorker(id);
  };
  const sweep = async () => {
    for (const job of await opts.pending()) await enqueue(job);
  };
  const stopSweeping = every(opts.sweepSeconds ?? 60, sweep, log, `${opts.queue} sweep`);
  await sweep();
  return {
    enqueue,
    sweep,
    async stop() {
      stopping = true;
      stopSweeping();
      await opts.boss.offWork(opts.queue);
    },
  };
}
