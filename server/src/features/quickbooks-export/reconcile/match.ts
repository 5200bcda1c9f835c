import type {
  AmbiguousGroup,
  DifferenceField,
  ProposedPair,
  SideItem,
  SidePart,
} from "@app/shared";
import type { QboItem } from "../../../integrations/qbo/schemas.js";
import { optionalDecimal } from "../../../integrations/qbo/numbers.js";
import { skuKey } from "../../quickbooks-links/item-link.js";
import { nameKey } from "../qbo-items.js";

export interface ShopPart extends SidePart {
  quickBooksItemRef: string | null;
}

/** The whole proposal, as matching makes it (the API answers it a page at a time). */
export interface FullProposal {
  linked: ProposedPair[];
  proposed: ProposedPair[];
  ambiguous: AmbiguousGroup[];
  onlyInQuickBooks: SideItem[];
  onlyInShopmonkey: SidePart[];
}

export function toSideItem(i: QboItem): SideItem {
  return {
    id: i.Id,
    name: i.Name,
    sku: i.Sku?.trim() ?? "",
    type: i.Type,
    quantity: i.Type === "Inventory" ? (optionalDecimal(i.QtyOnHand) ?? "0") : null,
    unitPrice: optionalDecimal(i.UnitPrice) ?? "0",
    purchaseCost: optionalDecimal(i.PurchaseCost) ?? "0",
  };
}

const toSidePart = ({ quickBooksItemRef: _ref, ...p }: ShopPart): SidePart => p;

/** Decimal strings compared as numbers would be, without floats: "12.50" equals "12.5". */
const sameDecimal = (a: string | null, b: string | null): boolean => {
  const norm = (v: string | null) =>
    v === null ? null : v.includes(".") ? v.replace(/0+$/, "").replace(/\.$/, "") : v;
  return norm(a) === norm(b);
};

export function differences(part: SidePart, item: SideItem): DifferenceField[] {
  const out: DifferenceField[] = [];
  if (nameKey(part.description) !== nameKey(item.name)) out.push("name");
  if (skuKey(part.partNumber) !== skuKey(item.sku)) out.push("partNumber");
  const itemKind = item.type === "Inventory" ? "inventory" : "non_inventory";
  if (part.kind !== itemKind) out.push("kind");
  else if (part.kind === "inventory" && !sameDecimal(part.quantity, item.quantity))
    out.push("quantity");
  if (!sameDecimal(part.retailCost, item.unitPrice)) out.push("retailCost");
  if (!sameDecimal(part.cost, item.purchaseCost)) out.push("cost");
  return out;
}

function group<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    if (k) out.set(k, [...(out.get(k) ?? []), r]);
  }
  return out;
}

/**
 * The assistant's proposals, in the product's matching order: the stored reference; then a
 * part number equal to the SKU when exactly one part and one item carry it; then the same
 * normalized name, under the same "exactly one on each side" rule. Anything else with a
 * counterpart is ambiguous and left for the user to match by hand; never guessed.
 */
export function propose(shopParts: readonly ShopPart[], items: readonly SideItem[]): FullProposal {
  const itemById = new Map(items.map((i) => [i.id, i]));
  const linked: ProposedPair[] = [];
  const taken = new Set<string>();
  let parts: ShopPart[] = [];
  for (const p of shopParts) {
    const item = p.quickBooksItemRef ? itemById.get(p.quickBooksItemRef) : undefined;
    if (item) {
      taken.add(item.id);
      const part = toSidePart(p);
      linked.push({ part, item, matchedBy: "reference", differences: differences(part, item) });
    } else if (!p.quickBooksItemRef) parts.push(p);
  }
  let rest = items.filter((i) => !taken.has(i.id));
  const proposed: ProposedPair[] = [];
  const ambiguous: AmbiguousGroup[] = [];

  for (const by of ["sku", "name"] as const) {
    const partKey = (p: SidePart) => (by === "sku" ? skuKey(p.partNumber) : nameKey(p.description));
    const itemKey = (i: SideItem) => (by === "sku" ? skuKey(i.sku) : nameKey(i.name));
    const itemsByKey = group(rest, itemKey);
    const used = new Set<string>();
    for (const [key, sameParts] of group(parts, partKey)) {
      const sameItems = itemsByKey.get(key);
      if (!sameItems) continue;
      for (const p of sameParts) used.add(p.id);
      for (const i of sameItems) used.add(i.id);
      const [part] = sameParts;
      const [item] = sameItems;
      if (sameParts.length === 1 && sameItems.length === 1 && part && item) {
        const side = toSidePart(part);
        proposed.push({ part: side, item, matchedBy: by, differences: differences(side, item) });
      } else {
        ambiguous.push({ by, key, parts: sameParts.map(toSidePart), items: sameItems });
      }
    }
    parts = parts.filter((p) => !used.has(p.id));
    rest = rest.filter((i) => !used.has(i.id));
  }
  return {
    linked,
    proposed,
    ambiguous,
    onlyInQuickBooks: rest,
    onlyInShopmonkey: parts.map(toSidePart),
  };
}
