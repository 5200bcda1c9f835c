import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../db/client.js";
import type { QboItem } from "../../../integrations/qbo/schemas.js";
import { toPartFields } from "../../quickbooks-links/item-fields.js";
import type { VendorLinker } from "./vendors.js";

export interface Upserted {
  id: string;
  inserted: boolean;
  /** The part's fields just before this statement (absent when it created the part). */
  before?: Record<string, unknown>;
}

/**
 * The columns an import writes, as they were: what an undo puts back. Shared by the upsert
 * (captured in its `old` CTE) and the undo (restored from it), so the two never disagree.
 */
export const PART_BEFORE_COLUMNS = [
  "kind",
  "description",
  "note",
  "part_number",
  "vendor_id",
  "cost",
  "retail_cost",
  "quantity_available",
  "critical_quantity",
  "quickbooks_item_ref",
  "quickbooks_realm_id",
  "updated_at",
] as const;

/** The fields a page writes (the link and updated_at aside), compared as text: "1.50" ≠ "1.5". */
const WRITTEN = PART_BEFORE_COLUMNS.slice(0, 9);
const sameAsInput = sql.raw(
  `(${WRITTEN.map((c) => `p.${c}::text`).join(", ")}) is not distinct from (${WRITTEN.map((c) => `i.${c}::text`).join(", ")})`,
);
const everything = sql.raw(
  `jsonb_build_object(${PART_BEFORE_COLUMNS.map((c) => `'${c}', p.${c}`).join(", ")})`,
);
/**
 * A re-import mostly rewrites what is already there: for an unchanged part only its
 * `updated_at` is kept (and its link, which a Sku match may have just set), so the page's
 * records stay small; an undo leaves alone what a before-value does not name.
 */
const beforeValue = sql`case when ${sameAsInput}
  then jsonb_build_object('updated_at', p.updated_at, 'quickbooks_item_ref', p.quickbooks_item_ref,
                          'quickbooks_realm_id', p.quickbooks_realm_id)
  else ${everything} end`;

/**
 * Creates or updates a page of parts in ONE statement, keyed on (shop, QuickBooks item ref):
 * a retried or resumed page updates instead of duplicating. The same statement records a
 * stock movement (reason "import") for every quantity it changes; the delta is computed by
 * PostgreSQL on numerics, never in JavaScript floats.
 */
export async function upsertParts(
  tx: Db,
  shopId: string,
  realmId: string,
  jobId: string,
  items: readonly QboItem[],
  vendors: VendorLinker,
): Promise<Map<string, Upserted>> {
  if (items.length === 0) return new Map();
  const fields = items.map(toPartFields);
  const vendorRefs = fields.flatMap((f) => (f.vendorRef ? [f.vendorRef] : []));
  const vendorIds = await vendors.ensure(tx, vendorRefs);
  const input = fields.map((f) => ({
    ref: f.quickBooksItemRef,
    kind: f.kind,
    description: f.description,
    note: f.note,
    part_number: f.partNumber,
    vendor_id: f.vendorRef ? (vendorIds.get(f.vendorRef.value) ?? null) : null,
    cost: f.cost,
    retail_cost: f.retailCost,
    quantity_available: f.quantityAvailable,
    critical_quantity: f.criticalQuantity,
  }));
  const result = await tx.execute(sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as r(
        ref text, kind text, description text, note text, part_number text, vendor_id uuid,
        cost numeric, retail_cost numeric, quantity_available numeric, critical_quantity numeric)
    ),
    -- One unique-index lookup per input row (offset 0 keeps the subquery a lookup): a join
    -- over the shop's parts read all of them on every page when the planner had no
    -- statistics (PGlite runs no autovacuum), making a 100k import quadratic.
    old as (
      select p.quickbooks_item_ref as ref, p.quantity_available, ${beforeValue} as before
      from input i cross join lateral (
        select * from parts where shop_id = ${shopId} and quickbooks_item_ref = i.ref offset 0
      ) p
    ),
    up as (
      insert into parts (shop_id, kind, description, note, part_number, vendor_id, cost, retail_cost,
                         quantity_available, critical_quantity, quickbooks_item_ref, quickbooks_realm_id)
      select ${shopId}, kind, description, note, part_number, vendor_id, cost, retail_cost,
             quantity_available, critical_quantity, ref, ${realmId}
      from input
      on conflict (shop_id, quickbooks_item_ref) do update set
        kind = excluded.kind, description = excluded.description, note = excluded.note,
        part_number = excluded.part_number,
        -- An item without a vendor never erases the shop's own (issue 17.2).
        vendor_id = coalesce(excluded.vendor_id, parts.vendor_id), cost = excluded.cost,
        retail_cost = excluded.retail_cost, quantity_available = excluded.quantity_available,
        critical_quantity = excluded.critical_quantity, updated_at = now()
      returning id, quickbooks_item_ref as ref, quantity_available, (xmax = 0) as inserted
    ),
    moves as (
      insert into stock_movements (shop_id, part_id, delta, quantity_after, reason, reference)
      select ${shopId}, up.id, up.quantity_available - coalesce(old.quantity_available, 0),
             up.quantity_available, 'import', ${`import:${jobId}`}
      from up left join old on old.ref = up.ref
      where up.quantity_available is not null
        and up.quantity_available is distinct from old.quantity_available
    )
    select up.id, up.ref, up.inserted, old.before from up left join old on old.ref = up.ref`);
  const out = new Map<string, Upserted>();
  type Row = { id: string; ref: string; inserted: boolean; before: Record<string, unknown> | null };
  for (const row of rowsOf<Row>(result)) {
    out.set(row.ref, {
      id: row.id,
      inserted: row.inserted,
      ...(row.before && !row.inserted ? { before: row.before } : {}),
    });
  }
  return out;
}
