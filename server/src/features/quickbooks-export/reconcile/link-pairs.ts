import type { ReconciliationApply } from "@app/shared";
import type { ReconciliationSkip } from "../../../db/schema/index.js";
import type { Db } from "../../../db/client.js";
import type { Said } from "../../../http/errors.js";
import type { QboItem } from "../../../integrations/qbo/schemas.js";
import { linkPart } from "../../quickbooks-links/item-link.js";
import type { ShopPart } from "./match.js";

export interface LinkOutcome {
  linked: number;
  alreadyLinked: number;
  skipped: ReconciliationSkip[];
  linkedIds: Set<string>;
}

/**
 * Links each confirmed pair unless that would break "one part per item": a part linked to
 * another item, an item already linked to another part, or either side named twice in the
 * request is skipped with its reason. A pair linked already counts as such (applying twice
 * changes nothing).
 */
export async function linkPairs(
  db: Db,
  shopId: string,
  realmId: string,
  pairs: ReconciliationApply["pairs"],
  parts: readonly ShopPart[],
  items: ReadonlyMap<string, QboItem>,
): Promise<LinkOutcome> {
  const partById = new Map(parts.map((p) => [p.id, p]));
  const itemOwner = new Map(
    parts.filter((p) => p.quickBooksItemRef).map((p) => [p.quickBooksItemRef as string, p.id]),
  );
  const out: LinkOutcome = { linked: 0, alreadyLinked: 0, skipped: [], linkedIds: new Set() };
  const seenParts = new Set<string>();
  const seenItems = new Set<string>();
  const skip = (partId: string, reason: string, said: Said) =>
    out.skipped.push({
      partId,
      reason,
      code: said.reason,
      ...(said.params ? { params: said.params } : {}),
    });
  await db.transaction(async (tx) => {
    for (const pair of pairs) {
      const part = partById.get(pair.partId);
      const item = items.get(pair.quickBooksId);
      if (!part) skip(pair.partId, "Part not found", { reason: "reconcile_part_missing" });
      else if (!item)
        skip(pair.partId, "The QuickBooks item is missing or inactive", {
          reason: "reconcile_item_missing",
        });
      else if (seenParts.has(part.id) || seenItems.has(item.Id))
        skip(part.id, "The part or the item is in more than one pair", {
          reason: "reconcile_pair_twice",
        });
      else if (part.quickBooksItemRef === item.Id) {
        out.alreadyLinked++;
        out.linkedIds.add(part.id);
      } else if (part.quickBooksItemRef)
        skip(part.id, `Already linked to QuickBooks item ${part.quickBooksItemRef}`, {
          reason: "part_linked_elsewhere",
          params: { item: part.quickBooksItemRef },
        });
      else if (itemOwner.has(item.Id))
        skip(part.id, "The item is linked to another part", {
          reason: "item_linked_to_other_part",
        });
      else if (await linkPart(tx, shopId, realmId, part.id, item)) {
        out.linked++;
        out.linkedIds.add(part.id);
        itemOwner.set(item.Id, part.id);
      } else skip(part.id, "The part was linked meanwhile", { reason: "part_linked_meanwhile" });
      seenParts.add(pair.partId);
      seenItems.add(pair.quickBooksId);
    }
  });
  return out;
}
