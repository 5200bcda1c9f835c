import type { Problem, ProblemCode, ProblemParams, ProblemReason } from "@app/shared";
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../db/client.js";
import { englishMessage } from "./problem-messages.js";

/** A problem before dismissals are applied (the id names one occurrence). */
type Found = Omit<Problem, "at" | "message"> & { at: Date | string };

const iso = (at: Date | string) => new Date(at).toISOString();
const LIMIT = 100;

const reasonOf = (code: string | null, detail: string | null): ProblemReason | null =>
  code || detail ? { code, detail } : null;

/** Problems carry codes and params; the English sentence is derived from them, never stored. */
function problem(
  p: Omit<Found, "params" | "reason"> & {
    code: ProblemCode;
    params?: ProblemParams;
    reason?: ProblemReason | null;
  },
): Found {
  return { ...p, params: p.params ?? {}, reason: p.reason ?? null };
}

/**
 * Every failure of the sync that needs a person, read from where each one already lives:
 * failed invoice sends (orders), refused stock adjustments (quickbooks_stock_adjustments), runs
 * with skipped records (import_jobs), webhook work that keeps failing (sync_pending), the
 * catch-up's last error (sync_cursors), items deleted, made inactive or merged in QuickBooks
 * (sync_notices), and the connection itself.
 */
export async function findProblems(db: Db, shopId: string): Promise<Problem[]> {
  const found: Found[] = [];
  const conn = rowsOf<{ status: string; at: Date }>(
    await db.execute(sql`
      select status, updated_at as at from quickbooks_connections where shop_id = ${shopId}`),
  )[0];
  if (conn?.status === "needs_reconnect")
    found.push(
      problem({
        id: `connection:${iso(conn.at)}`,
        kind: "connection",
        code: "reconnect_required",
        recordUrl: "/settings/quickbooks/connection",
        at: conn.at,
        retryable: false,
      }),
    );
  for (const o of rowsOf<{
    id: string;
    number: number;
    errorCode: string | null;
    error: string | null;
    rev: number;
    at: Date;
  }>(
    await db.execute(sql`
      select id, number, qbo_error_code as "errorCode", qbo_error as error, revision as rev,
             coalesce(qbo_last_sent_at, invoiced_at, created_at) as at
      from orders where shop_id = ${shopId} and qbo_status = 'failed'
      order by at desc limit ${LIMIT}`),
  ))
    found.push(
      problem({
        id: `invoice:${o.id}:${o.rev}`,
        kind: "invoice_send",
        code: "invoice_not_sent",
        params: { number: o.number },
        reason: reasonOf(o.errorCode, o.error),
        recordUrl: `/orders/${o.id}`,
        at: o.at,
        retryable: true,
      }),
    );
  for (const a of rowsOf<{
    id: string;
    partId: string;
    part: string;
    qtyDiff: string;
    try: number;
    errorCode: string | null;
    error: string | null;
    at: Date;
  }>(
    await db.execute(sql`
      select a.id, a.part_id as "partId", p.description as part, a.qty_diff::text as "qtyDiff",
             a.try, a.error_code as "errorCode", a.error, a.created_at as at
      from quickbooks_stock_adjustments a join parts p on p.id = a.part_id
      where a.shop_id = ${shopId} and a.status = 'failed'
      order by a.created_at desc limit ${LIMIT}`),
  ))
    found.push(
      problem({
        // The try names the occurrence: a refusal after a retry is a new one.
        id: `adjustment:${a.partId}:${a.id}:${a.try}`,
        kind: "stock_adjustment",
        code:
          a.errorCode === "quickbooks_unavailable" ? "adjustment_unanswered" : "adjustment_refused",
        params: { part: a.part, qtyDiff: a.qtyDiff },
        reason: reasonOf(a.errorCode, a.error),
        recordUrl: `/inventory/${a.partId}`,
        at: a.at,
        // Made against a company the shop has left: it can never be sent there.
        retryable: a.errorCode !== "quickbooks_company_changed",
      }),
    );
  for (const j of rowsOf<{ id: string; category: string; skipped: number; at: Date }>(
    await db.execute(sql`
      select id, category, skipped, coalesce(finished_at, created_at) as at from import_jobs
      where shop_id = ${shopId} and not dry_run and skipped > 0 and undo_status is null
        and status in ('succeeded', 'failed', 'canceled')
      order by created_at desc limit 20`),
  ))
    found.push(
      problem({
        id: `import:${j.id}`,
        kind: "import_skipped",
        code: "import_records_skipped",
        params: { count: j.skipped, category: j.category },
        recordUrl: `/settings/quickbooks/import?run=${j.id}`,
        at: j.at,
        retryable: false,
      }),
    );
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
    found.push(
      problem({
        id: `webhook:${p.entity}:${p.entityId}:${p.version}`,
        kind: "webhook",
        code: "webhook_not_applied",
        params: { entity: p.entity, entityId: p.entityId, attempts: p.attempts },
        at: p.at,
        retryable: true,
      }),
    );
  const cursor = rowsOf<{ error: string | null; at: Date | null }>(
    await db.execute(sql`
      select last_error as error, last_catch_up_at as at from sync_cursors where shop_id = ${shopId}`),
  )[0];
  if (cursor?.error)
    found.push(
      problem({
        id: `catch_up:${cursor.at ? iso(cursor.at) : "never"}`,
        kind: "catch_up",
        code: "catch_up_failed",
        reason: reasonOf(null, cursor.error),
        at: cursor.at ?? new Date(),
        retryable: false,
      }),
    );
  for (const n of rowsOf<{
    id: string;
    partId: string;
    name: string;
    kind: "deleted" | "inactive" | "merged";
    itemRef: string;
    into: string | null;
    other: string | null;
    at: Date;
  }>(
    await db.execute(sql`
      select n.id, n.part_id as "partId", p.description as name, n.kind, n.item_ref as "itemRef",
             n.merged_into_ref as into, o.description as other, n.created_at as at
      from sync_notices n join parts p on p.id = n.part_id
      left join parts o on n.kind = 'merged' and o.shop_id = n.shop_id and o.id <> n.part_id
        and o.quickbooks_item_ref = n.merged_into_ref
        and o.quickbooks_realm_id is not distinct from p.quickbooks_realm_id
      where n.shop_id = ${shopId} and n.status = 'open' order by n.created_at desc limit ${LIMIT}`),
  ))
    found.push(
      n.kind === "merged"
        ? problem({
            id: `notice:${n.id}`,
            kind: "merge",
            code: "merge_needs_choice",
            params: {
              part: n.name,
              itemRef: n.itemRef,
              into: n.into ?? "",
              otherPart: n.other ?? "",
            },
            recordUrl: `/inventory/${n.partId}`,
            fixUrl: "/settings/quickbooks/import",
            at: n.at,
            retryable: false,
          })
        : problem({
            id: `notice:${n.id}`,
            kind: "sync_notice",
            code: n.kind === "deleted" ? "item_deleted" : "item_inactive",
            params: { part: n.name },
            recordUrl: `/inventory/${n.partId}`,
            fixUrl: "/settings/quickbooks/import",
            at: n.at,
            retryable: false,
          }),
    );

  const dismissed = new Set(
    rowsOf<{ id: string }>(
      await db.execute(
        sql`select problem_id as id from health_dismissals where shop_id = ${shopId}`,
      ),
    ).map((d) => d.id),
  );
  return found
    .filter((p) => !dismissed.has(p.id))
    .map((p) => ({ ...p, message: englishMessage(p), at: iso(p.at) }))
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
