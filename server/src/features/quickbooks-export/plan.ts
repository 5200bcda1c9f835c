import type { ExportPlan, ExportPreviewRow } from "@app/shared";
import type { QboItem } from "../../integrations/qbo/schemas.js";
import type { Said } from "../../http/errors.js";
import { skuKey } from "../quickbooks-links/item-link.js";
import { type ExportablePart, itemNameOf, itemTypeOf } from "../quickbooks-links/item-fields.js";
import { isMatchable, nameKey } from "./qbo-items.js";

export interface PlannedPart extends ExportPreviewRow {
  plan: ExportPlan;
}

export interface PlanOptions {
  /**
   * Link a part to the one unlinked item with its SKU instead of creating a twin (the import's
   * matching rule). The reconciliation assistant turns it off: the user already decided.
   */
  linkExisting: boolean;
  /** Parts the user chose to link to the QuickBooks item that has their name. */
  linkByName?: ReadonlySet<string>;
}

const summary = (i: QboItem) => ({ id: i.Id, name: i.Name });

/**
 * Decides, for each unlinked part, what the export will do, from the company's items as they
 * are now. Pure, so the preview and the export itself can never disagree.
 */
export function planExport(
  parts: readonly ExportablePart[],
  items: readonly QboItem[],
  linkedRefs: ReadonlySet<string>,
  opts: PlanOptions,
): PlannedPart[] {
  const byName = new Map(items.map((i) => [nameKey(i.Name), i]));
  const bySku = new Map<string, QboItem[]>();
  for (const item of items) {
    const key = skuKey(item.Sku);
    if (key) bySku.set(key, [...(bySku.get(key) ?? []), item]);
  }
  const partsPerSku = new Map<string, number>();
  for (const p of parts) {
    const key = skuKey(p.partNumber);
    if (key) partsPerSku.set(key, (partsPerSku.get(key) ?? 0) + 1);
  }
  const namesInExport = new Set<string>();

  return parts.map((part): PlannedPart => {
    const key = skuKey(part.partNumber);
    const sameSku = key ? (bySku.get(key) ?? []) : [];
    const nameTakenBy = byName.get(nameKey(itemNameOf(part)));
    const row = {
      partId: part.id,
      description: part.description,
      partNumber: part.partNumber,
      itemType: itemTypeOf(part.kind),
      skuTakenBy: sameSku.map(summary),
      ...(nameTakenBy ? { nameTakenBy: summary(nameTakenBy) } : {}),
    };
    const skip = (reason: string, said: Said): PlannedPart => ({
      ...row,
      plan: "skip",
      reason,
      reasonCode: said.reason,
      ...(said.params ? { reasonParams: said.params } : {}),
    });

    const candidates = sameSku.filter((i) => isMatchable(i) && !linkedRefs.has(i.Id));
    if (opts.linkExisting && candidates.length > 0) {
      if (candidates.length > 1 || (partsPerSku.get(key) ?? 0) > 1)
        return skip(
          `Part number ${part.partNumber} matches more than one part or QuickBooks item; match it in the reconciliation assistant`,
          { reason: "sku_matches_several", params: { partNumber: part.partNumber } },
        );
      const [item] = candidates;
      if (item) return { ...row, plan: "link_existing", linkTo: summary(item) };
    }
    if (nameTakenBy) {
      const linkable = isMatchable(nameTakenBy) && !linkedRefs.has(nameTakenBy.Id);
      if (linkable && opts.linkByName?.has(part.id))
        return { ...row, plan: "link_existing", linkTo: summary(nameTakenBy) };
      return {
        ...skip(`QuickBooks already has an item named "${nameTakenBy.Name}"`, {
          reason: "quickbooks_name_taken",
          params: { name: nameTakenBy.Name },
        }),
        ...(linkable ? { canLinkByName: true } : {}),
      };
    }
    const ownName = nameKey(itemNameOf(part));
    if (namesInExport.has(ownName))
      return skip("Another part in this export has the same description", {
        reason: "description_twice",
      });
    namesInExport.add(ownName);
    if (part.kind === "inventory" && (part.quantityAvailable ?? "0").startsWith("-"))
      return skip("QuickBooks needs a starting quantity of zero or more", {
        reason: "negative_starting_quantity",
      });
    return { ...row, plan: "create" };
  });
}
