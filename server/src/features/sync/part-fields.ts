import type { SyncFieldChange } from "@app/shared";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { parts, vendors } from "../../db/schema/index.js";
import type { QboItem } from "../../integrations/qbo/schemas.js";
import { toPartFields } from "../quickbooks-links/item-fields.js";
import { sameDecimal } from "../../lib/decimal.js";

export type PartRow = typeof parts.$inferSelect;

/**
 * The fields that follow QuickBooks' latest change (issue 9): description, note, part number,
 * vendor, cost and retail cost, through the importer's own mapping (Name → description, …).
 * Returns what changed; quantity is handled separately (it follows changes, not values).
 */
export async function followItemFields(
  tx: Db,
  part: PartRow,
  item: QboItem,
): Promise<SyncFieldChange[]> {
  const next = toPartFields(item);
  const changes: SyncFieldChange[] = [];
  const set: Partial<typeof parts.$inferInsert> = {};
  for (const field of ["description", "note", "partNumber"] as const) {
    if (part[field] !== next[field]) {
      changes.push({ field, from: part[field], to: next[field] });
      set[field] = next[field];
    }
  }
  for (const field of ["cost", "retailCost"] as const) {
    if (!sameDecimal(part[field], next[field])) {
      changes.push({ field, from: part[field], to: next[field] });
      set[field] = next[field];
    }
  }
  // A vendor QuickBooks names is followed; an item without one never erases ours. The part is
  // linked (applyItemChange found it by its ref), so it names its company.
  const realmId = part.quickBooksRealmId ?? "";
  const vendor = next.vendorRef
    ? await ensureVendor(tx, part.shopId, realmId, next.vendorRef)
    : null;
  if (vendor && vendor.id !== part.vendorId) {
    changes.push({
      field: "vendor",
      from: await vendorName(tx, part.vendorId),
      to: vendor.name,
    });
    set.vendorId = vendor.id;
  }
  if (changes.length > 0)
    await tx
      .update(parts)
      .set({ ...set, updatedAt: sql`now()` })
      .where(and(eq(parts.id, part.id), eq(parts.shopId, part.shopId)));
  return changes;
}

/** Our vendor for a QuickBooks vendor ref: the linked one, else a new one carrying the ref. */
async function ensureVendor(
  tx: Db,
  shopId: string,
  realmId: string,
  ref: { value: string; name?: string },
): Promise<{ id: string; name: string }> {
  const [known] = await tx
    .select({ id: vendors.id, name: vendors.name })
    .from(vendors)
    .where(and(eq(vendors.shopId, shopId), eq(vendors.quickBooksVendorRef, ref.value)));
  if (known) return known;
  const [created] = await tx
    .insert(vendors)
    .values({
      shopId,
      name: ref.name ?? `QuickBooks vendor ${ref.value}`,
      quickBooksVendorRef: ref.value,
      quickBooksRealmId: realmId,
    })
    .onConflictDoUpdate({
      target: [vendors.shopId, vendors.quickBooksVendorRef],
      set: { updatedAt: sql`now()` },
    })
    .returning({ id: vendors.id, name: vendors.name });
  if (!created) throw new Error(`vendor ${ref.value} was not written`);
  return created;
}

async function vendorName(tx: Db, id: string | null): Promise<string> {
  if (!id) return "";
  const [row] = await tx.select({ name: vendors.name }).from(vendors).where(eq(vendors.id, id));
  return row?.name ?? "";
}
