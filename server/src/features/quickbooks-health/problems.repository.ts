import type { Problem } from "@app/shared";
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../db/client.js";

/** A problem before dismissals are applied (the id names one occurrence). */
type Found = Omit<Problem, "at"> & { at: Date | string };

const iso = (at: Date | string) => new Date(at).toISOString();
const LIMIT = 100;

/**
 * Every failure of the sync that needs a person, read from where each one already lives:
 * failed invoice sends (orders), runs with skipped records (import_jobs), webhook work that keeps
 * failing (sync_pending), the catch-up's last error (sync_cursors), items deleted or made inactive
 * in QuickBooks (sync_notices), and the connection itself.
 */
export async function findProblems(db: Db, shopId: string): Promise<Problem[]> {
  const found: Found[] = [];
  const conn = rowsOf<{ status: string; at: Date }>(
    await db.execute(sql`
      select status, updated_at as at from quickbooks_connections where shop_id = ${shopId}`),
  )[0];
  if (conn?.status === "needs_reconnect")
    found.push({
      id: `connection:${iso(conn.at)}`,
      kind: "connection",
      message: "QuickBooks no longer accepts this app's access: reconnect the company",
      recordUrl: "/settings/quickbooks/connection",
      at: conn.at,
      retryable: false,
    });
  for (const o of rowsOf<{
    id: string;
    number: number;
    error: string | null;
    rev: number;
    at: Date;
  }>(
    await db.execute(sql`
      select id, number, qbo_error as error, revision as rev,
             coalesce(qbo_last_sent_at, invoiced_at, created_at) as at
      from orders where shop_id = ${shopId} and qbo_status = 'failed'
      order by at desc limit ${LIMIT}`),
  ))
    found.push({
      id: `invoice:${o.id}:${o.rev}`,
      kind: "invoice_send",
      message: `Invoice ${o.number} was not sent to QuickBooks: ${o.error ?? "unknown error"}`,
      recordUrl: `/orders/${o.id}`,
      at: o.at,
      retryable: true,
    });
  for (const j of rowsOf<{ id: string; category: string; skipped: number; at: Date }>(
    await db.execute(sql`
      select id, category, skipped, coalesce(finished_at, created_at) as at from import_jobs
      where shop_id = ${shopId} and not dry_run and skipped > 0 and undo_status is null
        and status in ('succeeded', 'failed', 'canceled')
      order by created_at desc limit 20`),
  ))
    found.push({
      id: `import:${j.id}`,
      kind: "import_skipped",
      message: `${j.skipped} QuickBooks ${j.category.replace("_", "-")} records were skipped by an import`,
      recordUrl: `/settings/quickbooks/import?run=${j.id}`,
      at: j.at,
      retryable: false,
    });
  for (const p of rowsOf<{
    entity: string;
    entityId: string;
    version: number;
    attempts: number;
    at: Date;
  }>(
    await db.execute(sql`
      select entity, entity_id as "entityId", version, attempts, received_at as at from sync_pending
      where shop_id = ${shopId} and attempts >= 3 order by received_at desc limit ${LIMIT}`),
  ))
    found.push({
      id: `webhook:${p.entity}:${p.entityId}:${p.version}`,
      kind: "webhook",
      message: `A change to QuickBooks ${p.entity} ${p.entityId} could not be applied after ${p.attempts} tries`,
      at: p.at,
      retryable: true,
    });
  const cursor = rowsOf<{ error: string | null; at: Date | null }>(
    await db.execute(sql`
      select last_error as error, last_catch_up_at as at from sync_cursors where shop_id = ${shopId}`),
  )[0];
  if (cursor?.error)
    found.push({
      id: `catch_up:${cursor.at ? iso(cursor.at) : "never"}`,
      kind: "catch_up",
      message: `Catching up with QuickBooks changes failed: ${cursor.error}`,
      at: cursor.at ?? new Date(),
      retryable: false,
    });
  for (const n of rowsOf<{ id: string; partId: string; name: string; kind: string; at: Date }>(
    await db.execute(sql`
      select n.id, n.part_id as "partId", p.description as name, n.kind, n.created_at as at
      from sync_notices n join parts p on p.id = n.part_id
      where n.shop_id = ${shopId} and n.status = 'open' order by n.created_at desc limit ${LIMIT}`),
  ))
    found.push({
      id: `notice:${n.id}`,
      kind: "sync_notice",
      message: `"${n.name}" was ${n.kind === "deleted" ? "deleted" : "made inactive"} in QuickBooks: unlink it or keep it`,
      recordUrl: `/inventory/${n.partId}`,
      at: n.at,
      retryable: false,
    });

  const dismissed = new Set(
    rowsOf<{ id: string }>(
      await db.execute(
        sql`select problem_id as id from health_dismissals where shop_id = ${shopId}`,
      ),
    ).map((d) => d.id),
  );
  return found
    .filter((p) => !dismissed.has(p.id))
    .map((p) => ({ ...p, at: iso(p.at) }))
    .sort((a, b) => b.at.localeCompare(a.at));
}

export async function dismiss(db: Db, shopId: string, problemId: string): Promise<void> {
  await db.execute(sql`
    insert into health_dismissals (shop_id, problem_id) values (${shopId}, ${problemId})
    on conflict do nothing`);
}

/** Webhook work given another chance: its tries start over and the worker picks it up. */
export async function resetPending(
  db: Db,
  shopId: string,
  key: { entity: string; entityId: string; version: number },
): Promise<boolean> {
  const rows = rowsOf<{ entity: string }>(
    await db.execute(sql`
      update sync_pending set attempts = 0
      where shop_id = ${shopId} and entity = ${key.entity} and entity_id = ${key.entityId}
        and version = ${key.version}
      returning entity`),
  );
  return rows.length > 0;
}
