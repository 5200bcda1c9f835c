/**
 * A part's fields ⇄ a QuickBooks item's, both ways, exactly as docs/product.md maps them: the
 * import and the sync read items into parts with `toPartFields`; the export and "Create in
 * QuickBooks" write parts as items with `itemBody` (decision 0011).
 */
import type { PartKind } from "@app/shared";
import { optionalDecimal } from "../../integrations/qbo/numbers.js";
import type { QboItem } from "../../integrations/qbo/schemas.js";
import type { AccountRef, ItemAccounts } from "../quickbooks-export/accounts.js";

/** The part fields an export reads (docs/product.md's mapping, in the QuickBooks direction). */
export interface ExportablePart {
  id: string;
  kind: "inventory" | "non_inventory";
  description: string;
  note: string;
  partNumber: string;
  cost: string;
  retailCost: string;
  quantityAvailable: string | null;
  criticalQuantity: string | null;
  vendorId: string | null;
}

/** Intuit's Item.Name limit (docs/quickbooks.md §4.1). */
export const MAX_ITEM_NAME = 100;

/** The item's Name: Intuit's limit is 100 characters (docs/quickbooks.md §4.1). */
export const itemNameOf = (part: Pick<ExportablePart, "description">): string =>
  part.description.trim().slice(0, MAX_ITEM_NAME);

export const itemTypeOf = (kind: ExportablePart["kind"]): "Inventory" | "NonInventory" =>
  kind === "inventory" ? "Inventory" : "NonInventory";

const ref = (a: AccountRef) => ({ value: a.value, name: a.name });

/**
 * Description → Name and note → Description, as the import maps them the other way
 * (docs/product.md). Decimal strings become JSON numbers only here, at Intuit's edge.
 */
export function itemBody(
  part: ExportablePart,
  accounts: ItemAccounts,
  startDate: string,
  /** The part's vendor in QuickBooks (vendor-refs.ts), so the vendor survives the round trip. */
  vendorRef?: string,
): Record<string, unknown> {
  const common = {
    Name: itemNameOf(part),
    ...(part.partNumber.trim() ? { Sku: part.partNumber.trim() } : {}),
    ...(part.note ? { Description: part.note.slice(0, 4000) } : {}),
    UnitPrice: Number(part.retailCost),
    PurchaseCost: Number(part.cost),
    IncomeAccountRef: ref(accounts.income),
    ExpenseAccountRef: ref(accounts.expense),
    ...(vendorRef ? { PrefVendorRef: { value: vendorRef } } : {}),
  };
  if (part.kind !== "inventory") return { ...common, Type: "NonInventory" };
  return {
    ...common,
    Type: "Inventory",
    TrackQtyOnHand: true,
    QtyOnHand: Number(part.quantityAvailable ?? "0"),
    InvStartDate: startDate,
    AssetAccountRef: ref(accounts.asset),
    ...(part.criticalQuantity !== null ? { ReorderPoint: Number(part.criticalQuantity) } : {}),
  };
}

/** Today in the company's books: a start date in the future would hide the opening stock. */
export const today = (): string => new Date().toISOString().slice(0, 10);

/** Our part's fields from a QuickBooks item, exactly as docs/product.md maps them. */
export interface PartFields {
  kind: PartKind;
  /** Shopmonkey's description is QBO's Name, and its note QBO's Description (docs/product.md). */
  description: string;
  note: string;
  partNumber: string;
  cost: string;
  retailCost: string;
  quantityAvailable: string | null;
  criticalQuantity: string | null;
  quickBooksItemRef: string;
  /** The preferred vendor, linked or created by the importer. */
  vendorRef: { value: string; name?: string } | null;
}

export const partKindOf = (item: Pick<QboItem, "Type">): PartKind =>
  item.Type === "Inventory" ? "inventory" : "non_inventory";

export function toPartFields(item: QboItem): PartFields {
  const kind = partKindOf(item);
  const tracksStock = kind === "inventory";
  return {
    kind,
    description: item.Name,
    note: item.Description ?? "",
    partNumber: item.Sku?.trim() ?? "",
    cost: optionalDecimal(item.PurchaseCost) ?? "0",
    retailCost: optionalDecimal(item.UnitPrice) ?? "0",
    // Non-inventory parts don't track stock: both quantity fields stay null.
    quantityAvailable: tracksStock ? (optionalDecimal(item.QtyOnHand) ?? "0") : null,
    criticalQuantity: tracksStock ? optionalDecimal(item.ReorderPoint) : null,
    quickBooksItemRef: item.Id,
    vendorRef: item.PrefVendorRef
      ? {
          value: item.PrefVendorRef.value,
          ...(item.PrefVendorRef.name ? { name: item.PrefVendorRef.name } : {}),
        }
      : null,
  };
}
