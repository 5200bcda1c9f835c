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
  boss.on("error", (err) => logger.error({ err }, "job queue error"));
  await boss.start();
  return {
    boss,
    stop: () => boss.stop({ graceful: true, timeout: 10_000, wait: true }),
  };
}
