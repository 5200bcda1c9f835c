import type { Db } from "../../../db/client.js";
import { QboError } from "../../../integrations/qbo/errors.js";
import { currentRealm } from "../../quickbooks-links/realm.repository.js";
import { keepInSync } from "../../sync/settings.repository.js";
import { queueAdjustment } from "./adjustments.repository.js";

export interface CountedPart {
  shopId: string;
  partId: string;
  kind: "inventory" | "non_inventory";
  quickBooksItemRef: string | null;
  quickBooksRealmId: string | null;
}

/**
 * A stock change made in Shopmonkey (the part editor, any count) goes to QuickBooks when the
 * part follows QuickBooks: an inventory part linked to an item of the connected company, with
 * "keep in sync" on for inventory. Keep in sync is both ways, by changes: QuickBooks' changes
 * are applied here and ours are sent there as adjustments of the difference, so two counts
 * made on both sides at once add up instead of one overwriting the other; off, neither side
 * follows the other and the drift report shows the difference. Called in the transaction that
 * changed the stock; answers whether an adjustment was queued.
 */
export async function queueCountToQuickBooks(
  tx: Db,
  part: CountedPart,
  movement: { id: string; delta: string },
): Promise<boolean> {
  const { shopId, quickBooksItemRef: itemRef, quickBooksRealmId: realmId } = part;
  if (part.kind !== "inventory" || !itemRef || !realmId) return false;
  if (!(await keepInSync(tx, shopId, "inventory"))) return false;
  const connected = await currentRealm(tx, shopId).catch((err: unknown) => {
    if (err instanceof QboError) return undefined; // not connected: nothing to send to
    throw err;
  });
  if (connected !== realmId) return false;
  await queueAdjustment(tx, {
    shopId,
    partId: part.partId,
    movementId: movement.id,
    origin: "count",
    realmId,
    itemRef,
    qtyDiff: movement.delta,
  });
  return true;
}
