import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { parts } from "../../db/schema/index.js";
import type { QboItem } from "../../integrations/qbo/schemas.js";
import { optionalDecimal } from "../../integrations/qbo/numbers.js";
import { lockItemState, saveItemState, syncTokenOf } from "../sync/item-state.repository.js";

/**
 * Links an unlinked part to a QuickBooks item and records the item's quantity as the sync's
 * baseline, so the item's own "created" webhook isn't mistaken for a stock change. Answers
 * false when the part is gone or was linked meanwhile (never overwrites a link).
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
