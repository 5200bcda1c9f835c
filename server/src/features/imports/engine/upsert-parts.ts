import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../db/client.js";
import type { QboItem } from "../../../integrations/qbo/schemas.js";
import { toPartFields } from "../mappers.js";
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

const beforeOf = (alias: string) =>
  sql.raw(
    `jsonb_build_object(${PART_BEFORE_COLUMNS.map((c) => `'${c}', ${alias}.${c}`).join(", ")})`,
  );

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
    old as (
      select p.quickbooks_item_ref as ref, p.quantity_available, ${beforeOf("p")} as before
      from parts p
      where p.shop_id = ${shopId} and p.quickbooks_item_ref in (select ref from input)
    ),
    up as (
      insert into parts (shop_id, kind, description, note, part_number, vendor_id, cost, retail_cost,
                         quantity_available, critical_quantity, quickbooks_item_ref, quickbooks_realm_id)
      select ${shopId}, kind, description, note, part_number, vendor_id, cost, retail_cost,
             quantity_available, critical_quantity, ref, ${realmId}
      from input
      on conflict (shop_id, quickbooks_item_ref) do update set
        kind = excluded.kind, description = excluded.description, note = excluded.note,
        part_number = excluded.part_number, vendor_id = excluded.vendor_id, cost = excluded.cost,
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

/** Links unlinked parts to their QuickBooks item (the Sku match), before the upsert updates them. */
export async function linkParts(
  tx: Db,
  shopId: string,
  realmId: string,
  links: readonly { partId: string; ref: string }[],
) {
  if (links.length === 0) return;
  await tx.execute(sql`
    update parts p set quickbooks_item_ref = l.ref, quickbooks_realm_id = ${realmId}
    from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as l("partId" uuid, ref text)
    where p.id = l."partId" and p.shop_id = ${shopId} and p.quickbooks_item_ref is null`);
}
