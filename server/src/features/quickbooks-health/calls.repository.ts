import type { DriftCheck, HealthRun } from "@app/shared";
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../db/client.js";

/** This month's totals and the last 31 days of one company (UTC days, as Intuit's months are). */
export async function callsOf(db: Db, realmId: string, now = new Date()) {
  const month = now.toISOString().slice(0, 7);
  const days = rowsOf<{ day: string; reads: number; writes: number }>(
    await db.execute(sql`
      select day::text as day, reads, writes from qbo_call_counts
      where realm_id = ${realmId} and day > (${now.toISOString().slice(0, 10)}::date - 31)
      order by day`),
  );
  const [total] = rowsOf<{ reads: number; writes: number }>(
    await db.execute(sql`
      select coalesce(sum(reads), 0)::int as reads, coalesce(sum(writes), 0)::int as writes
      from qbo_call_counts where realm_id = ${realmId} and to_char(day, 'YYYY-MM') = ${month}`),
  );
  return { month, reads: total?.reads ?? 0, writes: total?.writes ?? 0, days };
}

/** The shop's last 30 real import runs, oldest first (the chart reads left to right). */
export async function recentRuns(db: Db, shopId: string): Promise<HealthRun[]> {
  const rows = rowsOf<{
    id: string;
    category: HealthRun["category"];
    status: HealthRun["status"];
    at: Date;
    imported: number;
    updated: number;
    skipped: number;
    undone: boolean;
  }>(
    await db.execute(sql`
      select * from (
        select id, category, status, created_at as at, imported, updated, skipped,
               undo_status is not null as undone
        from import_jobs where shop_id = ${shopId} and not dry_run
        order by created_at desc limit 30
      ) r order by at`),
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}

/** The shop's last 30 drift checks, oldest first: how many linked parts differed each time. */
export async function recentDriftChecks(db: Db, shopId: string): Promise<DriftCheck[]> {
  const rows = rowsOf<{ at: Date; found: number; checked: number }>(
    await db.execute(sql`
      select * from (
        select checked_at as at, found, checked from sync_drift_checks
        where shop_id = ${shopId} order by checked_at desc limit 30
      ) c order by at`),
  );
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}

export async function connectionOf(db: Db, shopId: string) {
  return rowsOf<{
    status: "connected" | "needs_reconnect" | "disconnected";
    realmId: string;
    companyName: string;
  }>(
    await db.execute(sql`
      select status, realm_id as "realmId", company_name as "companyName"
      from quickbooks_connections where shop_id = ${shopId}`),
  )[0];
}
