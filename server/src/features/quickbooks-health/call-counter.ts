import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import type { CallCount } from "../../integrations/qbo/metering.js";
import type { Logger } from "../../lib/logger.js";

/**
 * Counts QuickBooks calls per company and UTC day in memory and adds them to `qbo_call_counts`
 * a few seconds later in one statement: the hot path (an import's pages) never waits on a write.
 * Readers flush first, so what Health shows includes this process's latest calls.
 */
export interface CallCounter {
  record(realmId: string, count: CallCount): void;
  /** Writes what is counted so far (also on shutdown). */
  flush(): Promise<void>;
}

export function createCallCounter(db: Db, logger: Logger, flushMs = 2000): CallCounter {
  let pending = new Map<string, { realm: string; day: string; reads: number; writes: number }>();
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();

  const write = async () => {
    timer = undefined;
    if (pending.size === 0) return;
    const rows = [...pending.values()];
    pending = new Map();
    try {
      await db.execute(sql`
        insert into qbo_call_counts (realm_id, day, reads, writes)
        select x.realm, x.day::date, x.reads, x.writes
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(realm text, day text, reads int, writes int)
        on conflict (realm_id, day) do update set
          reads = qbo_call_counts.reads + excluded.reads,
          writes = qbo_call_counts.writes + excluded.writes`);
    } catch (err) {
      // Not lost: added back and tried again with the next flush.
      for (const r of rows) add(r.realm, r.day, r);
      logger.warn({ err }, "could not save QuickBooks call counts; will retry");
    }
  };
  const flush = () => (chain = chain.then(write, write));
  const add = (realm: string, day: string, n: CallCount) => {
    const key = `${realm}|${day}`;
    const row = pending.get(key) ?? { realm, day, reads: 0, writes: 0 };
    row.reads += n.reads;
    row.writes += n.writes;
    pending.set(key, row);
  };

  return {
    record(realmId, count) {
      add(realmId, new Date().toISOString().slice(0, 10), count);
      if (!timer) {
        timer = setTimeout(() => void flush(), flushMs);
        timer.unref();
      }
    },
    async flush() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      await flush();
    },
  };
}
