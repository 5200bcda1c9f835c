/**
 * InventoryAdjustment, as Intuit's "Inventory adjustment" workflow page describes it
 * (https://developer.intuit.com/app/developer/qbo/docs/workflows/manage-inventory/inventory-adjustment):
 * `AdjustAccountRef`, `TxnDate`, and `Line[]` of `DetailType: "ItemAdjustmentLineDetail"` with
 * `ItemRef` and either `QtyDiff` (signed change) or `NewQty` (the counted quantity). Quantities
 * only ("you cannot adjust inventory values"); Plus and Advanced in the US only.
 *
 * Where the page gives no code we answer with the ones QBO uses for the same situation on other
 * transactions: 2020 for a missing field, 610 for an unknown or inactive item/account, and 6000
 * (business validation) for an item that is not tracked inventory or a plan without the feature.
 */
import { dec, toNumber } from "../decimal.js";
import { allowsInventoryAdjustments, OFFERING_SKU } from "../companies/edition.js";
import { errors } from "../api/errors.js";
import type { Entity, JsonObject } from "../json.js";
import { getArr, getNum, getObj, getRef, getStr, isObject } from "../json.js";
import { localDate } from "../time.js";
import { sideEffectWrite, type WriteCtx } from "./entity-context.js";
import { checkRef, maxLength, numberField } from "./entity-fields.js";
import { isTrackedInventory } from "./entity-invoice-lines.js";

const DETAIL = "ItemAdjustmentLineDetail";

export function prepareInventoryAdjustment(
  ctx: WriteCtx,
  c: Entity,
  existing: Entity | undefined,
): Entity {
  void existing; // never set: updates are refused before preparing (entity-operations.ts)
  const { edition } = ctx.company;
  if (!allowsInventoryAdjustments(edition))
    throw errors.business(
      `Inventory adjustments are available for QuickBooks Online Plus and Advanced in the US only (this company: ${OFFERING_SKU[edition.plan]}, ${edition.country}).`,
    );
  if (getRef(c, "AdjustAccountRef") === undefined) throw errors.requiredParam("AdjustAccountRef");
  checkRef(ctx.company, c, undefined, "AdjustAccountRef", "Account");
  const txnDate = getStr(c, "TxnDate") ?? localDate(ctx.now);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(txnDate))
    throw errors.invalidProperty("TxnDate (expected YYYY-MM-DD)");
  c.TxnDate = txnDate;
  maxLength(c, "DocNumber", 21);
  maxLength(c, "PrivateNote", 4000);
  const raw = c.Line;
  if (!Array.isArray(raw) || raw.length === 0) throw errors.requiredParam("Line");
  // Each line's QtyDiff is computed against the quantity left by the lines before it.
  const running = new Map<string, bigint>();
  c.Line = raw.map((line, i) => adjustmentLine(ctx, line, i + 1, running));
  return c;
}

function adjustmentLine(
  ctx: WriteCtx,
  line: unknown,
  n: number,
  running: Map<string, bigint>,
): JsonObject {
  if (!isObject(line)) throw errors.invalidProperty("Line");
  const type = getStr(line, "DetailType");
  if (type === undefined) throw errors.requiredParam("Line.DetailType");
  if (type !== DETAIL) throw errors.invalidEnum("Line.DetailType", type);
  const detail = getObj(line, DETAIL);
  if (!detail) throw errors.requiredParam(`Line.${DETAIL}`);
  const d: JsonObject = { ...detail };
  if (d.ItemRef === undefined) throw errors.requiredParam(`Line.${DETAIL}.ItemRef`);
  checkRef(ctx.company, d, undefined, "ItemRef", "Item");
  const itemId = getRef(d, "ItemRef") ?? "";
  const item = ctx.company.get("Item", itemId);
  if (!item || !isTrackedInventory(item.e))
    throw errors.business(
      `Only inventory items that track quantity on hand can be adjusted. (ItemRef ${itemId})`,
    );
  const qtyDiff = numberField(d, "QtyDiff");
  const newQty = numberField(d, "NewQty");
  if (qtyDiff === undefined && newQty === undefined)
    throw errors.requiredParam(`Line.${DETAIL}.QtyDiff`);
  const current = running.get(itemId) ?? dec(getNum(item.e, "QtyOnHand") ?? 0);
  // NewQty wins when both are sent: it is what the person counted.
  const diff = newQty !== undefined ? dec(newQty) - current : dec(qtyDiff ?? 0);
  running.set(itemId, current + diff);
  d.QtyDiff = toNumber(diff);
  return { Id: String(n), LineNum: n, ...line, DetailType: DETAIL, [DETAIL]: d };
}

function quantityChanges(adjustment: Entity | undefined): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const line of getArr(adjustment, "Line") ?? []) {
    if (!isObject(line)) continue;
    const d = getObj(line, DETAIL);
    const id = getRef(d, "ItemRef");
    const diff = getNum(d, "QtyDiff");
    if (id === undefined || diff === undefined) continue;
    out.set(id, (out.get(id) ?? 0n) + dec(diff));
  }
  return out;
}

/**
 * Create adds each line's QtyDiff to the item's QtyOnHand; delete takes it back. The item's
 * SyncToken and LastUpdatedTime move, and it gets an Item Update webhook and a CDC entry, like
 * any other quantity change (docs/decisions/0006-sandbox-inventory-adjustments.md).
 */
export function applyAdjustmentEffects(
  ctx: WriteCtx,
  before: Entity | undefined,
  after: Entity | undefined,
): void {
  const removed = quantityChanges(before);
  const added = quantityChanges(after);
  const ids = [...new Set([...removed.keys(), ...added.keys()])].sort(
    (a, b) => Number(a) - Number(b),
  );
  for (const id of ids) {
    const delta = (added.get(id) ?? 0n) - (removed.get(id) ?? 0n);
    const item = ctx.company.get("Item", id);
    if (delta === 0n || !item) continue;
    const qty = dec(getNum(item.e, "QtyOnHand") ?? 0) + delta;
    sideEffectWrite(ctx, "Item", id, { QtyOnHand: toNumber(qty) });
  }
}
