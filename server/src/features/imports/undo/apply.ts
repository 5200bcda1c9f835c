import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../db/client.js";
import type { ImportJobRow } from "../../../db/schema/index.js";
import { CUSTOMER_BEFORE_COLUMNS } from "../engine/customers.js";
import { PART_BEFORE_COLUMNS } from "../engine/upsert-parts.js";
import type { UndoCandidate } from "./classify.js";

type PartColumn = (typeof PART_BEFORE_COLUMNS)[number];
type CustomerColumn = (typeof CUSTOMER_BEFORE_COLUMNS)[number];

// How each captured column is read back from the jsonb before-value. A vendor removed since is
// left unset rather than failing the whole batch on its foreign key.
const PART_CAST: Record<PartColumn, string> = {
  kind: "b->>'kind'",
  description: "b->>'description'",
  note: "b->>'note'",
  part_number: "b->>'part_number'",
  vendor_id: "(select v.id from vendors v where v.id = (b->>'vendor_id')::uuid)",
  cost: "(b->>'cost')::numeric",
  retail_cost: "(b->>'retail_cost')::numeric",
  quantity_available: "(b->>'quantity_available')::numeric",
  critical_quantity: "(b->>'critical_quantity')::numeric",
  quickbooks_item_ref: "b->>'quickbooks_item_ref'",
  quickbooks_realm_id: "b->>'quickbooks_realm_id'",
  updated_at: "(b->>'updated_at')::timestamptz",
};
const customerCast = (c: CustomerColumn) =>
  c === "updated_at" ? "(b->>'updated_at')::timestamptz" : `b->>'${c}'`;

// A column the before-value does not name was not changed by the run: it keeps its value.
const setList = (target: string, pairs: [string, string][]) =>
  sql.raw(
    pairs
      .map(
        ([c, e]) =>
          `${c} = case when i.b ? '${c}' then ${e.replaceAll("b->>", "i.b->>")} else ${target}.${c} end`,
      )
      .join(", "),
  );

/**
 * Removes the records the run created and puts back the ones it changed, for one batch. A
 * restored quantity is a stock movement like any other (reference `undo:<job>`), so the part's
 * history still adds up.
 */
export async function applyBatch(
  tx: Db,
  job: ImportJobRow,
  batch: readonly UndoCandidate[],
): Promise<void> {
  const remove = batch.filter((c) => !c.reason && c.outcome === "imported").map((c) => c.recordId);
  const restore = batch
    .filter((c) => !c.reason && c.outcome === "updated" && c.before)
    .map((c) => ({ id: c.recordId, b: c.before }));
  const parts = job.category !== "customers";
  if (remove.length > 0) {
    const ids = sql`(select jsonb_array_elements_text(${JSON.stringify(remove)}::jsonb)::uuid)`;
    await tx.execute(
      parts
        ? sql`delete from parts where shop_id = ${job.shopId} and id in ${ids}`
        : sql`delete from customers where shop_id = ${job.shopId} and id in ${ids}`,
    );
  }
  if (restore.length === 0) return;
  const input = sql`select x.id, x.b from jsonb_to_recordset(${JSON.stringify(restore)}::jsonb) as x(id uuid, b jsonb)`;
  if (!parts) {
    await tx.execute(sql`
      update customers c set ${setList(
        "c",
        CUSTOMER_BEFORE_COLUMNS.map((col) => [col, customerCast(col)]),
      )}
      from (${input}) i where c.id = i.id and c.shop_id = ${job.shopId}`);
    return;
  }
  const result = await tx.execute(sql`
    with input as (${input}),
    old as (
      select p.id, p.quantity_available from parts p
      where p.shop_id = ${job.shopId} and p.id in (select id from input)
    ),
    up as (
      update parts p set ${setList(
        "p",
        PART_BEFORE_COLUMNS.map((col) => [col, PART_CAST[col]]),
      )}
      from input i where p.id = i.id and p.shop_id = ${job.shopId}
      returning p.id, p.quantity_available
    ),
    moves as (
      insert into stock_movements (shop_id, part_id, delta, quantity_after, reason, reference)
      select ${job.shopId}, up.id, coalesce(up.quantity_available, 0) - coalesce(old.quantity_available, 0),
             coalesce(up.quantity_available, 0), 'import', ${`undo:${job.id}`}
      from up join old on old.id = up.id
      where up.quantity_available is distinct from old.quantity_available
    )
    select count(*)::int as n from up`);
  const n = rowsOf<{ n: number }>(result)[0]?.n ?? 0;
  if (n !== restore.length) throw new Error(`undo restored ${n} of ${restore.length} parts`);
}
