/**
 * Invoice lines: item lines are checked (ItemRef 610, Amount = round2(Qty × UnitPrice) else
 * 6070, Qty required on tracked Inventory items else 6520) with exact decimals; a
 * SubTotalLineDetail line is appended, as QBO does.
 */
import { dec, div, mul, round2, sum, toNumber, type Dec } from "../decimal.js";
import { errors } from "../api/errors.js";
import type { Entity, Json, JsonObject } from "../json.js";
import { getBool, getObj, getStr, isObject } from "../json.js";
import type { WriteCtx } from "./entity-context.js";
import { checkRef, numberField } from "./entity-fields.js";

/** Tracked Inventory items move stock, so QuickBooks needs a quantity on their lines. */
export function isTrackedInventory(item: Entity): boolean {
  return getStr(item, "Type") === "Inventory" && getBool(item, "TrackQtyOnHand") === true;
}

export interface PreparedLines {
  lines: JsonObject[];
  subtotal: Dec;
}

export function prepareLines(
  ctx: WriteCtx,
  raw: Json | undefined,
  existing: Entity | undefined,
): PreparedLines {
  if (!Array.isArray(raw) || raw.length === 0) throw errors.requiredParam("Line");
  const lines: JsonObject[] = [];
  const amounts: Dec[] = [];
  for (const item of raw) {
    if (!isObject(item)) throw errors.invalidProperty("Line");
    const type = getStr(item, "DetailType");
    if (type === undefined) throw errors.requiredParam("Line.DetailType");
    if (type === "SubTotalLineDetail") continue; // server-computed
    const n = lines.length + 1;
    if (type === "DescriptionOnly") {
      lines.push({ ...item, Id: String(n), LineNum: n, Amount: 0 });
      continue;
    }
    if (type !== "SalesItemLineDetail") throw errors.invalidEnum("Line.DetailType", type);
    const line = salesItemLine(ctx, item, existing);
    amounts.push(dec(line.Amount as number));
    lines.push({ ...line, Id: String(n), LineNum: n });
  }
  if (amounts.length === 0) throw errors.requiredParam("Line.SalesItemLineDetail");
  const subtotal = sum(amounts);
  lines.push({
    Amount: toNumber(subtotal),
    DetailType: "SubTotalLineDetail",
    SubTotalLineDetail: {},
  });
  return { lines, subtotal };
}

function salesItemLine(ctx: WriteCtx, item: JsonObject, existing: Entity | undefined): JsonObject {
  const detail = getObj(item, "SalesItemLineDetail");
  if (!detail) throw errors.requiredParam("Line.SalesItemLineDetail");
  const d: JsonObject = { ...detail };
  if (d.ItemRef === undefined) throw errors.requiredParam("Line.SalesItemLineDetail.ItemRef");
  // Refs on lines are validated fresh unless the same line existed (existing invoices keep items).
  checkRef(ctx.company, d, existing ? { ItemRef: d.ItemRef } : undefined, "ItemRef", "Item");
  const target = ctx.company.get("Item", getStr(getObj(d, "ItemRef"), "value") ?? "");
  const amountRaw = numberField(item, "Amount");
  if (amountRaw === undefined) throw errors.requiredParam("Line.Amount");
  const amount = dec(amountRaw);
  const qty = numberField(d, "Qty");
  if (qty === undefined && target && isTrackedInventory(target.e))
    throw errors.inventoryQtyMissing(getStr(target.e, "Name") ?? "");
  const price = numberField(d, "UnitPrice");
  if (qty !== undefined && price !== undefined) {
    if (round2(mul(dec(qty), dec(price))) !== amount) throw errors.amountMismatch(amountRaw);
  } else if (qty !== undefined && qty !== 0) {
    d.UnitPrice = toNumber(div(amount, dec(qty)));
  } else if (price !== undefined && price !== 0) {
    d.Qty = toNumber(div(amount, dec(price)));
  }
  if (round2(amount) !== amount) throw errors.amountMismatch(amountRaw);
  const incomeRef = target ? getObj(target.e, "IncomeAccountRef") : undefined;
  if (incomeRef && d.ItemAccountRef === undefined) d.ItemAccountRef = incomeRef;
  d.TaxCodeRef ??= { value: "NON" };
  const out: JsonObject = {
    ...item,
    Amount: toNumber(amount),
    DetailType: "SalesItemLineDetail",
    SalesItemLineDetail: d,
  };
  const description = target ? getStr(target.e, "Description") : undefined;
  if (out.Description === undefined && description !== undefined) out.Description = description;
  return out;
}
