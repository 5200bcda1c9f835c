import type { ReconciliationApply } from "@app/shared";
import type { ReconciliationNote } from "../../../db/schema/index.js";
import type { QboClient } from "../../../integrations/qbo/client.js";
import { QboError, isFault } from "../../../integrations/qbo/errors.js";
import { readItem } from "../../sync/read-item.js";
import { itemNameOf } from "../../quickbooks-links/item-fields.js";
import type { ShopPart } from "./match.js";

/**
 * The pairs where the owner keeps Shopmonkey's name, cost or price: those values are written
 * to the QuickBooks item (a sparse update), so the import that follows reads them back instead
 * of replacing ours. Read fresh for its SyncToken; a refusal (a name QuickBooks already has)
 * becomes a note on the run, and that value then follows QuickBooks.
 */
export async function keepShopmonkeyValues(
  client: QboClient,
  shopId: string,
  pairs: ReconciliationApply["pairs"],
  linkedIds: ReadonlySet<string>,
  parts: readonly ShopPart[],
): Promise<ReconciliationNote[]> {
  const partById = new Map(parts.map((p) => [p.id, p]));
  const notes: ReconciliationNote[] = [];
  for (const pair of pairs) {
    const part = partById.get(pair.partId);
    if (!part || !linkedIds.has(pair.partId) || pair.keepShopmonkey.length === 0) continue;
    const keep = new Set(pair.keepShopmonkey);
    try {
      const current = await readItem(client, shopId, pair.quickBooksId);
      if (current?.kind !== "item") throw new Error("The QuickBooks item no longer exists");
      await client.call(shopId, {
        method: "POST",
        path: "item",
        body: {
          Id: current.item.Id,
          SyncToken: current.item.SyncToken,
          sparse: true,
          ...(keep.has("name") ? { Name: itemNameOf(part) } : {}),
          ...(keep.has("cost") ? { PurchaseCost: Number(part.cost) } : {}),
          ...(keep.has("retailCost") ? { UnitPrice: Number(part.retailCost) } : {}),
        },
      });
    } catch (err) {
      if (err instanceof QboError && !isFault(err)) throw err;
      const detail = err instanceof Error ? err.message : "QuickBooks refused the change";
      notes.push({
        partId: pair.partId,
        ...(isFault(err, "6240")
          ? { reason: "values_not_kept_name_taken", params: { name: itemNameOf(part) } }
          : { reason: "values_not_kept", params: { detail } }),
        message: `Shopmonkey's ${[...keep].map(words).join(", ")} could not be kept: ${
          isFault(err, "6240")
            ? `QuickBooks already has another item named "${itemNameOf(part)}"`
            : err instanceof Error
              ? err.message
              : "QuickBooks refused the change"
        }. QuickBooks' values were taken.`,
      });
    }
  }
  return notes;
}

const words = (f: string) => (f === "retailCost" ? "price" : f);
