/**
 * Side effects of invoice writes: QtyOnHand of tracked Inventory items goes down by the sold
 * Qty ("As inventory items are sold, QuickBooks reduces the quantity on hand", docs/quickbooks.md §4.1)
 * and comes back on update (by difference), void and delete; the customer's Balance follows.
 * Negative stock is allowed, as in the QBO UI (docs/quickbooks.md §4.1: unverified via API).
 */
import { dec, toNumber, type Dec } from "../decimal.js";
import type { Entity } from "../json.js";
import { getArr, getNum, getObj, getRef, getStr, isObject } from "../json.js";
import { isTrackedInventory } from "./entity-invoice-lines.js";
import type { WriteCtx } from "./entity-context.js";
import { sideEffectWrite } from "./entity-context.js";

function soldQuantities(ctx: WriteCtx, invoice: Entity | undefined): Map<string, Dec> {
  const out = new Map<string, Dec>();
  for (const line of getArr(invoice, "Line") ?? []) {
    if (!isObject(line) || getStr(line, "DetailType") !== "SalesItemLineDetail") continue;
    const detail = getObj(line, "SalesItemLineDetail");
    const itemId = getRef(detail, "ItemRef");
    const qty = getNum(detail, "Qty");
    if (itemId === undefined || qty === undefined) continue;
    const item = ctx.company.get("Item", itemId);
    if (!item || !isTrackedInventory(item.e)) continue;
    out.set(itemId, (out.get(itemId) ?? 0n) + dec(qty));
  }
  return out;
}

export function applyInvoiceEffects(
  ctx: WriteCtx,
  before: Entity | undefined,
  after: Entity | undefined,
): void {
  const oldSold = soldQuantities(ctx, before);
  const newSold = soldQuantities(ctx, after);
  const ids = [...new Set([...oldSold.keys(), ...newSold.keys()])].sort(
    (a, b) => Number(a) - Number(b),
  );
  for (const id of ids) {
    const delta = (oldSold.get(id) ?? 0n) - (newSold.get(id) ?? 0n);
    if (delta === 0n) continue;
    const item = ctx.company.get("Item", id);
    if (!item) continue;
    const qty = dec(getNum(item.e, "QtyOnHand") ?? 0) + delta;
    sideEffectWrite(ctx, "Item", id, { QtyOnHand: toNumber(qty) });
  }
  const balances = new Map<string, Dec>();
  const add = (e: Entity | undefined, sign: 1n | -1n) => {
    const customerId = getRef(e, "CustomerRef");
    if (customerId === undefined) return;
    balances.set(
      customerId,
      (balances.get(customerId) ?? 0n) + sign * dec(getNum(e, "Balance") ?? 0),
    );
  };
  add(before, -1n);
  add(after, 1n);
  for (const [customerId, delta] of balances) {
    if (delta === 0n) continue;
    const row = ctx.company.get("Customer", customerId);
    if (!row) continue;
    const balance = toNumber(dec(getNum(row.e, "Balance") ?? 0) + delta);
    const withJobs = toNumber(dec(getNum(row.e, "BalanceWithJobs") ?? 0) + delta);
    sideEffectWrite(ctx, "Customer", customerId, { Balance: balance, BalanceWithJobs: withJobs });
  }
}
