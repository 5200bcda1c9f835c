import { add, negate, subtract } from "../../../lib/decimal.js";
import { toJsonNumber } from "../../../integrations/qbo/numbers.js";
import type { LoadedOrder } from "../orders.mapper.js";
import type { Mapped } from "./readiness.js";

export interface QboLine {
  Description: string;
  Amount: number;
  DetailType: "SalesItemLineDetail";
  SalesItemLineDetail: { ItemRef: { value: string }; Qty: number; UnitPrice: number };
}

/** Marks invoices (and customers) we created, so a lost answer can be recognised later. */
export const orderMarker = (orderId: string) => `Shopmonkey order ${orderId}`;

/**
 * Intuit lines for the order: a linked part posts to its own QuickBooks item (QuickBooks then
 * lowers that item's QtyOnHand, docs/quickbooks.md §4.5); anything else posts to its category's mapped
 * item. Amount is the stored round2(Qty × UnitPrice), so Intuit's 6070 check always holds.
 */
export function invoiceLines(loaded: LoadedOrder, mapped: Mapped): QboLine[] {
  return loaded.lines.map(({ line, part }) => {
    const itemRef =
      line.kind === "part" ? (part?.quickBooksItemRef ?? mapped.parts) : mapped[line.kind];
    return {
      Description: line.description,
      Amount: toJsonNumber(line.amount),
      DetailType: "SalesItemLineDetail",
      SalesItemLineDetail: {
        ItemRef: { value: itemRef },
        Qty: toJsonNumber(line.quantity),
        UnitPrice: toJsonNumber(line.unitPrice),
      },
    };
  });
}

/** Quantity per stock-tracking QuickBooks item that these lines sell. */
export function soldByItem(loaded: LoadedOrder): Map<string, string> {
  const out = new Map<string, string>();
  for (const { line, part } of loaded.lines) {
    const ref = part?.kind === "inventory" ? part.quickBooksItemRef : null;
    if (ref) out.set(ref, add(out.get(ref) ?? "0", line.quantity));
  }
  return out;
}

/** What QuickBooks' QtyOnHand of each item does when `before` is replaced by `after`. */
export function quantityDeltas(
  before: Map<string, string>,
  after: Map<string, string>,
): Map<string, string> {
  const out = new Map<string, string>();
  for (const ref of new Set([...before.keys(), ...after.keys()]))
    out.set(ref, negate(subtract(after.get(ref) ?? "0", before.get(ref) ?? "0")));
  return out;
}
