/**
 * A merge as a QuickBooks user makes it in the UI (rename a record to another's name and accept
 * "merge"): the `from` record is gone (reads answer 610, CDC lists it as Deleted), everything
 * that referenced it now references `to`, and a webhook with operation `Merge` names `to` as
 * `id` and `from` as `deletedId` (docs/quickbooks.md §7.2; "Merge duplicate customers", "Merge products
 * and services", https://quickbooks.intuit.com/learn-support/en-us/help-article/customer-management/merge-duplicate-customers-quickbooks-online/).
 * QuickBooks merges only records of the same kind: items of the same Type, never categories.
 */
import type { EntityName } from "../companies/company.js";
import { dec, toNumber } from "../decimal.js";
import { bumpedEnvelope, type WriteCtx } from "./entity-context.js";
import type { Entity, Json, JsonObject } from "../json.js";
import { getNum, getObj, getStr, isObject } from "../json.js";

export type MergeEntity = "Item" | "Customer" | "Vendor";

export class MergeError extends Error {}

/** Where each kind of record is referenced, as `Type: [ref property…]` (lines included). */
const REFERENCED_BY: Record<MergeEntity, [EntityName, string][]> = {
  Item: [
    ["Item", "ParentRef"],
    ["Invoice", "Line.SalesItemLineDetail.ItemRef"],
    ["InventoryAdjustment", "Line.ItemAdjustmentLineDetail.ItemRef"],
  ],
  Customer: [
    ["Customer", "ParentRef"],
    ["Invoice", "CustomerRef"],
  ],
  Vendor: [["Item", "PrefVendorRef"]],
};

/** Amounts the surviving record takes over from the merged one. */
const SUMMED: Record<MergeEntity, string[]> = {
  Item: ["QtyOnHand"],
  Customer: ["Balance", "BalanceWithJobs"],
  Vendor: ["Balance"],
};

export function mergeRecords(
  ctx: WriteCtx,
  entity: MergeEntity,
  fromId: string,
  toId: string,
): Entity {
  const { company } = ctx;
  if (fromId === toId) throw new MergeError("fromId and toId are the same record");
  const from = company.get(entity, fromId);
  const to = company.get(entity, toId);
  if (!from) throw new MergeError(`${entity} ${fromId} does not exist`);
  if (!to) throw new MergeError(`${entity} ${toId} does not exist`);
  if (entity === "Item") {
    const a = getStr(from.e, "Type"),
      b = getStr(to.e, "Type");
    if (a !== b || a === "Category")
      throw new MergeError(`items of type ${a} and ${b} cannot be merged`);
  }
  for (const [type, path] of REFERENCED_BY[entity]) repoint(ctx, type, path, fromId, to.e);
  const sums: Entity = {};
  for (const key of SUMMED[entity]) {
    const x = getNum(from.e, key),
      y = getNum(to.e, key);
    if (x !== undefined || y !== undefined) sums[key] = toNumber(dec(x ?? 0) + dec(y ?? 0));
  }
  const merged: Entity = { ...to.e, ...sums, ...bumpedEnvelope(to.e, ctx.now) };
  company.put(entity, merged, ctx.now);
  company.remove(entity, fromId, ctx.now);
  ctx.emit(entity, toId, "Merge", ctx.now, fromId);
  return merged;
}

/** Rewrites every `path` ref equal to fromId on rows of `type`; those rows count as updated. */
function repoint(ctx: WriteCtx, type: EntityName, path: string, fromId: string, to: Entity): void {
  const parts = path.split(".");
  const name = getStr(to, "FullyQualifiedName") ?? getStr(to, "DisplayName") ?? getStr(to, "Name");
  const toRef: JsonObject = { value: getStr(to, "Id") ?? "" };
  if (name !== undefined) toRef.name = name;
  for (const row of [...ctx.company.tables[type].values()]) {
    const next = rewrite(row.e, parts, fromId, toRef);
    if (next === row.e) continue;
    ctx.company.put(type, { ...(next as Entity), ...bumpedEnvelope(row.e, ctx.now) }, ctx.now);
  }
}

/** Copy-on-write: returns the same object when nothing under it changed. */
function rewrite(node: Json, parts: string[], fromId: string, toRef: JsonObject): Json {
  if (Array.isArray(node)) {
    let changed = false;
    const out = node.map((n) => {
      const r = rewrite(n, parts, fromId, toRef);
      if (r !== n) changed = true;
      return r;
    });
    return changed ? out : node;
  }
  if (!isObject(node)) return node;
  const [head = "", ...rest] = parts;
  const child = node[head];
  if (child === undefined) return node;
  if (rest.length === 0) {
    const ref = getObj(node, head);
    return ref && getStr(ref, "value") === fromId ? { ...node, [head]: { ...toRef } } : node;
  }
  const r = rewrite(child, rest, fromId, toRef);
  return r === child ? node : { ...node, [head]: r };
}
