import PgBoss from "pg-boss";
import type { Database } from "../db/client.js";
import type { Logger } from "../lib/logger.js";

/**
 * The durable queue: pg-boss on the same database as the app (PostgreSQL, or PGlite through
 * an executeSql shim), so jobs survive a restart and commit beside the rows they write.
 */
export interface JobQueue {
  boss: PgBoss;
  stop(): Promise<void>;
}

/**
 * How often an idle worker asks the queue for a job nobody rang it for (a retry whose delay
 * ran out, a job sent by another process). Every enqueue in this process rings its workers
 * (`notifyWorker`), so polling is only that fallback. On the embedded database no other process
 * can send jobs (one process owns the data directory), and each poll is a query on the
 * database's one connection: up to 27 a second (three write queues of four workers every 0.5 s,
 * the import and sync workers every 1 s) cost ~6% of its time during an import
 * (docs/performance.md). There, workers poll every 2 s.
 */
const EMBEDDED_POLL_SECONDS = 2;
const embedded = new WeakSet<PgBoss>();

export const pollingSeconds = (boss: PgBoss, preferred: number): number =>
  embedded.has(boss) ? Math.max(preferred, EMBEDDED_POLL_SECONDS) : preferred;

export async function startJobQueue(database: Database, logger: Logger): Promise<JobQueue> {
  const connection =
    "connectionString" in database.boss
      ? { connectionString: database.boss.connectionString, max: 4 }
      : { db: database.boss.executor };
  const boss = new PgBoss({
    ...connection,
    schema: "pgboss",
    // Our jobs are short-lived imports and sends; a dead worker's job is retried after this.
    expireInSeconds: 15 * 60,
    retryLimit: 3,
    retryDelay: 5,
    retryBackoff: true,
    archiveCompletedAfterSeconds: 24 * 3600,
  });
  if (database.kind === "pglite") embedded.add(boss);
  boss.on("error", (err) => logger.error({ err }, "job queue error"));
  await boss.start();
  return {
    boss,
    stop: () => boss.stop({ graceful: true, timeout: 10_000, wait: true }),
  };
}
