import { randomInt } from "node:crypto";
import pg from "pg";
import { INTUIT_LIMITS, type Limiter, type LimiterOptions } from "./limiter.js";

/**
 * Intuit's limits are per company and app, not per process (docs/quickbooks.md §6). When several BFF
 * processes share one PostgreSQL, each call takes a slot in `qbo_call_slots` (a table of the
 * app's migrations) first, so the
 * company as a whole stays under 10 in flight / 10 per second / 500 per minute.
 *
 * - Taking a slot is one short transaction under a per-realm advisory lock, on the database
 *   clock (`clock_timestamp()`), so processes with skewed clocks still agree.
 * - A finished call is re-stamped at its end, as the in-process limiter does: the latest it
 *   can have reached Intuit.
 * - A process that dies with calls in flight must not hold their slots until their lease ends:
 *   every process holds a session advisory lock on its own connection; slots whose holder's
 *   lock is gone (the connection closed with the process) no longer count as in flight.
 * - Inside a process one caller per realm polls the table at a time; the others queue in
 *   memory behind it, so waiting costs the database almost nothing.
 */
export interface SharedLimiter extends Limiter {
  close(): Promise<void>;
}

/** classid of the holders' advisory locks ("QBOL"); objid is the holder's own key. */
const HOLDER_CLASS = 0x51424f4c;
/** A call can't legitimately hold its slot longer than the client's timeout plus slack. */
const LEASE_MS = 45_000;
const POLL_MS = 20;
const MAX_SLEEP_MS = 250;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Window {
  in_flight: number;
  last_second: number;
  second_wait_ms: number | null;
  last_minute: number;
  minute_wait_ms: number | null;
}

export function createSharedLimiter(
  connectionString: string,
  opts: LimiterOptions = INTUIT_LIMITS,
): SharedLimiter {
  const pool = new pg.Pool({ connectionString, max: 2 });
  pool.on("error", () => undefined); // a dropped idle client is replaced on next checkout
  // A checked-out client whose server goes away (restart, crash) also emits "error"; its query
  // rejects with it already, and with no listener the emit would end the process.
  pool.on("connect", (client) => client.on("error", () => undefined));
  const holder = randomInt(1, 2 ** 31 - 1);
  let holderClient: pg.Client | undefined;
  let closed = false;
  const queues = new Map<string, Promise<unknown>>();
  let acquisitions = 0;

  /** Our liveness lock, re-taken on a fresh connection if the old one drops. */
  async function ensureHolder(): Promise<void> {
    if (holderClient) return;
    const c = new pg.Client({ connectionString });
    c.on("error", () => {
      if (holderClient === c) holderClient = undefined;
    });
    c.on("end", () => {
      if (holderClient === c) holderClient = undefined;
    });
    await c.connect();
    await c.query("select pg_advisory_lock($1, $2)", [HOLDER_CLASS, holder]);
    holderClient = c;
  }

  /** One attempt: a slot id, or how long to wait before trying again. */
  async function tryTake(realmId: string): Promise<{ id: string } | { waitMs: number }> {
    const c = await pool.connect();
    try {
      await c.query("begin");
      await c.query("select pg_advisory_xact_lock($1, hashtext($2))", [HOLDER_CLASS, realmId]);
      if (++acquisitions % 50 === 1) {
        await c.query(
          `delete from qbo_call_slots where realm_id = $1
             and started_at < clock_timestamp() - interval '120 seconds'
             and (finished_at is not null or lease_until < clock_timestamp())`,
          [realmId],
        );
      }
      const second = 1000 + opts.marginMs;
      const minute = 60_000 + opts.marginMs;
      const { rows } = await c.query<Window>(
        `with w as (
           select started_at, finished_at is null and lease_until > clock_timestamp()
             and exists (select 1 from pg_locks l where l.locktype = 'advisory' and l.granted
               and l.classid = $2::bigint::oid and l.objid = s.holder::bigint::oid
               and l.objsubid = 2) as running
           from qbo_call_slots s
           where realm_id = $1
             and (started_at > clock_timestamp() - make_interval(secs => $4 / 1000.0)
                  or finished_at is null)
         )
         select
           count(*) filter (where running)::int as in_flight,
           count(*) filter (where started_at > clock_timestamp() - make_interval(secs => $3 / 1000.0))::int as last_second,
           ceil(extract(epoch from (min(started_at) filter (where started_at > clock_timestamp() - make_interval(secs => $3 / 1000.0))
             + make_interval(secs => $3 / 1000.0) - clock_timestamp())) * 1000)::int as second_wait_ms,
           count(*) filter (where started_at > clock_timestamp() - make_interval(secs => $4 / 1000.0))::int as last_minute,
           ceil(extract(epoch from (min(started_at) filter (where started_at > clock_timestamp() - make_interval(secs => $4 / 1000.0))
             + make_interval(secs => $4 / 1000.0) - clock_timestamp())) * 1000)::int as minute_wait_ms
         from w`,
        [realmId, HOLDER_CLASS, second, minute],
      );
      const w = rows[0];
      let waitMs = 0;
      if (w && w.in_flight >= opts.maxInFlight) waitMs = POLL_MS;
      else if (w && w.last_minute >= opts.perMinute) waitMs = Math.max(1, w.minute_wait_ms ?? 1);
      else if (w && w.last_second >= opts.perSecond) waitMs = Math.max(1, w.second_wait_ms ?? 1);
      if (waitMs > 0) {
        await c.query("commit");
        return { waitMs };
      }
      const inserted = await c.query<{ id: string }>(
        `insert into qbo_call_slots (realm_id, holder, lease_until)
         values ($1, $2, clock_timestamp() + make_interval(secs => $3 / 1000.0)) returning id`,
        [realmId, holder, LEASE_MS],
      );
      await c.query("commit");
      return { id: String(inserted.rows[0]?.id) };
    } catch (err) {
      await c.query("rollback").catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }

  async function take(realmId: string): Promise<string> {
    for (;;) {
      if (closed) throw new Error("the QuickBooks limiter is closed");
      await ensureHolder();
      const r = await tryTake(realmId);
      if ("id" in r) return r.id;
      await sleep(Math.min(MAX_SLEEP_MS, r.waitMs));
    }
  }

  /** One poller per realm in this process; the rest wait their turn in memory. */
  function takeInTurn(realmId: string): Promise<string> {
    const previous = queues.get(realmId) ?? Promise.resolve();
    const mine = previous.then(() => take(realmId));
    const tail = mine.catch(() => undefined);
    queues.set(realmId, tail);
    void tail.then(() => {
      if (queues.get(realmId) === tail) queues.delete(realmId);
    });
    return mine;
  }

  return {
    async run(realmId, fn) {
      const id = await takeInTurn(realmId);
      try {
        return await fn();
      } finally {
        await pool
          .query(
            `update qbo_call_slots set finished_at = clock_timestamp(), started_at = clock_timestamp()
             where id = $1`,
            [id],
          )
          .catch(() => undefined); // the slot's lease (or our lock's loss) frees it anyway
      }
    },
    async close() {
      closed = true;
      const c = holderClient;
      holderClient = undefined;
      await c?.end().catch(() => undefined);
      await pool.end().catch(() => undefined);
    },
  };
}
