/**
 * The part ⇄ QuickBooks item link, in one place (docs/decisions/0011-the-item-link.md): how a
 * part number meets a Sku, and every way a link is made, moved or cleared. A link is the item's
 * id plus its company (decision 0007); the sync's baseline for the item (`sync_item_state`)
 * lives and dies with the link, so a link never inherits another link's history.
 */
import { type AnyColumn, type SQL, and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { parts, stockAdjustments, syncNotices, syncOwnWrites } from "../../db/schema/index.js";
import { optionalDecimal } from "../../integrations/qbo/numbers.js";
import type { QboItem } from "../../integrations/qbo/schemas.js";
import {
  forgetItemStates,
  lockItemState,
  saveItemState,
  syncTokenOf,
} from "../sync/item-state.repository.js";

/**
 * Part numbers meet QuickBooks Skus trimmed and case-insensitively (docs/product.md). Part
 * numbers are stored trimmed (the item mapper trims Skus), so the JavaScript key and the SQL
 * key below agree on every stored value.
 */
export const skuKey = (sku: string | undefined | null): string => (sku ?? "").trim().toLowerCase();

/** The same key, computed by PostgreSQL on a part-number column. */
export const skuKeyOf = (column: AnyColumn): SQL => sql`lower(btrim(${column}))`;

/**
 * Links an unlinked part to an item we just created or matched in QuickBooks, recording the
 * item's quantity as the sync's baseline, so the item's own "created" webhook isn't mistaken
 * for a stock change. Answers false when the part is gone or was linked meanwhile (never
 * overwrites a link).
 */
export async function linkPart(
  tx: Db,
  shopId: string,
  realmId: string,
  partId: string,
  item: Pick<QboItem, "Id" | "SyncToken" | "QtyOnHand">,
): Promise<boolean> {
  const rows = await tx
    .update(parts)
    .set({ quickBooksItemRef: item.Id, quickBooksRealmId: realmId, updatedAt: sql`now()` })
    .where(and(eq(parts.shopId, shopId), eq(parts.id, partId), isNull(parts.quickBooksItemRef)))
    .returning({ id: parts.id });
  if (rows.length === 0) return false;
  await lockItemState(tx, shopId, item.Id);
  await saveItemState(tx, shopId, item.Id, {
    syncToken: syncTokenOf(item.SyncToken),
    qboQuantity: optionalDecimal(item.QtyOnHand) ?? null,
  });
  return true;
}

/**
 * An import's Sku matches: unlinked parts take their item's id, just before the page's upsert
 * writes QuickBooks' fields and quantity into them. No baseline is recorded: the part now holds
 * QuickBooks' own quantity, and the sync's first read of the item starts from it.
 */
export async function linkPartsBySku(
  tx: Db,
  shopId: string,
  realmId: string,
  links: readonly { partId: string; ref: string }[],
): Promise<void> {
  if (links.length === 0) return;
  await tx.execute(sql`
    update parts p set quickbooks_item_ref = l.ref, quickbooks_realm_id = ${realmId}
    from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as l("partId" uuid, ref text)
    where p.id = l."partId" and p.shop_id = ${shopId} and p.quickbooks_item_ref is null`);
  await forgetItemStates(
    tx,
    shopId,
    links.map((l) => l.ref),
  );
}

/**
 * Clears a part's link (only while it still points at `onlyRef`, when given) and forgets the
 * item's baseline. Answers whether such a part exists in this shop.
 */
export async function unlinkPart(
  tx: Db,
  shopId: string,
  partId: string,
  onlyRef?: string,
): Promise<boolean> {
  const which = and(
    eq(parts.shopId, shopId),
    eq(parts.id, partId),
    ...(onlyRef === undefined ? [] : [eq(parts.quickBooksItemRef, onlyRef)]),
  );
  const [part] = await tx
    .select({ ref: parts.quickBooksItemRef })
    .from(parts)
    .where(which)
    .for("update");
  if (!part) return false;
  await tx
    .update(parts)
    .set({ quickBooksItemRef: null, quickBooksRealmId: null, updatedAt: sql`now()` })
    .where(which);
  if (part.ref) await forgetItemStates(tx, shopId, [part.ref]);
  return true;
}

/** Clears whichever part is linked to this item (a merge survivor taken over by another part). */
export async function unlinkItem(tx: Db, shopId: string, ref: string): Promise<void> {
  await tx
    .update(parts)
    .set({ quickBooksItemRef: null, quickBooksRealmId: null, updatedAt: sql`now()` })
    .where(and(eq(parts.shopId, shopId), eq(parts.quickBooksItemRef, ref)));
  await forgetItemStates(tx, shopId, [ref]);
}

/** Every part of the shop unlinked, every baseline forgotten: the shop leaves its company. */
export async function unlinkAllParts(tx: Db, shopId: string): Promise<void> {
  await tx
    .update(parts)
    .set({ quickBooksItemRef: null, quickBooksRealmId: null, updatedAt: sql`now()` })
    .where(and(eq(parts.shopId, shopId), isNotNull(parts.quickBooksItemRef)));
  await forgetItemStates(tx, shopId);
}

/**
 * Moves a part's link (and what is still on its way to QuickBooks for it) to another item of
 * the same company. Both items' baselines start afresh: QuickBooks added the merged quantity
 * to the survivor, so the next read brings the part to the survivor's quantity.
 */
export async function repointPart(
  tx: Db,
  shopId: string,
  partId: string,
  fromRef: string,
  toRef: string,
): Promise<void> {
  await tx
    .update(parts)
    .set({ quickBooksItemRef: toRef, updatedAt: sql`now()` })
    .where(and(eq(parts.shopId, shopId), eq(parts.id, partId)));
  await forgetItemStates(tx, shopId, [fromRef, toRef]);
  await tx
    .update(stockAdjustments)
    .set({ itemRef: toRef })
    .where(
      and(
        eq(stockAdjustments.shopId, shopId),
        eq(stockAdjustments.partId, partId),
        eq(stockAdjustments.itemRef, fromRef),
        inArray(stockAdjustments.status, ["pending", "failed"]),
      ),
    );
  await tx
    .update(syncOwnWrites)
    .set({ itemRef: toRef })
    .where(
      and(
        eq(syncOwnWrites.shopId, shopId),
        eq(syncOwnWrites.itemRef, fromRef),
        inArray(syncOwnWrites.status, ["in_flight", "sent"]),
      ),
    );
  // A "deleted" or "inactive" question about the merged item is moot now.
  await tx
    .update(syncNotices)
    .set({ status: "kept", resolvedAt: sql`now()`, resolvedBy: "QuickBooks merge" })
    .where(
      and(
        eq(syncNotices.shopId, shopId),
        eq(syncNotices.partId, partId),
        eq(syncNotices.itemRef, fromRef),
        eq(syncNotices.status, "open"),
      ),
    );
}
