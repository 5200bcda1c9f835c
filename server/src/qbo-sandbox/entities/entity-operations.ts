/**
 * Create, read, full/sparse update, delete and void, shared by the REST routes and batch.
 * Full update: writable fields omitted from the body are cleared (docs/quickbooks.md §4.6); sparse
 * update (`"sparse": true`) merges the given fields. SyncToken must match (else 5010).
 */
import { ENTITY_NAMES, type EntityName } from "../companies/company.js";
import { metaData } from "../companies/company-builders.js";
import { errors } from "../api/errors.js";
import type { Entity, Json, JsonObject } from "../json.js";
import { getArr, getBool, getStr, isObject } from "../json.js";
import { prepareAccount } from "./entity-account.js";
import { bumpedEnvelope, withoutEnvelope, type WriteCtx } from "./entity-context.js";
import { prepareInvoice } from "./entity-invoice.js";
import { applyInvoiceEffects } from "./entity-invoice-effects.js";
import {
  applyAdjustmentEffects,
  prepareInventoryAdjustment,
} from "./entity-inventory-adjustment.js";
import { prepareItem } from "./entity-item.js";
import { prepareCustomer, prepareVendor } from "./entity-names.js";

type Prepare = (ctx: WriteCtx, candidate: Entity, existing: Entity | undefined) => Entity;

const PREPARE: Record<EntityName, Prepare> = {
  Account: prepareAccount,
  Item: prepareItem,
  Customer: prepareCustomer,
  Vendor: prepareVendor,
  Invoice: prepareInvoice,
  InventoryAdjustment: prepareInventoryAdjustment,
};

/** Transactions can be deleted; name lists and accounts are deactivated instead. */
const DELETABLE = new Set<EntityName>(["Invoice", "InventoryAdjustment"]);

export function entityFromPath(segment: string): EntityName | undefined {
  return ENTITY_NAMES.find((n) => n.toLowerCase() === segment.toLowerCase());
}

function afterWrite(
  ctx: WriteCtx,
  type: EntityName,
  before: Entity | undefined,
  after: Entity | undefined,
): void {
  if (type === "Invoice") applyInvoiceEffects(ctx, before, after);
  if (type === "InventoryAdjustment") applyAdjustmentEffects(ctx, before, after);
}

export function readEntity(ctx: Pick<WriteCtx, "company">, type: EntityName, id: string): Entity {
  const row = ctx.company.get(type, id);
  if (!row) throw errors.readNotFound(type, id);
  return row.e;
}

/** `POST /{entity}`: creates, or updates when the body carries an Id (as Intuit does). */
export function createOrUpdate(ctx: WriteCtx, type: EntityName, body: unknown): Entity {
  if (!isObject(body)) throw errors.invalidProperty(type);
  if (body.Id !== undefined && body.Id !== null) return updateEntity(ctx, type, body);
  const candidate = PREPARE[type](ctx, withoutEnvelope(body), undefined);
  const id = allocId(ctx, type);
  const e: Entity = {
    ...candidate,
    Id: id,
    SyncToken: "0",
    domain: "QBO",
    sparse: false,
    MetaData: metaData(ctx.now),
  };
  ctx.company.put(type, e, ctx.now);
  afterWrite(ctx, type, undefined, e);
  ctx.emit(type, id, "Create", ctx.now);
  return e;
}

function allocId(ctx: WriteCtx, type: EntityName): string {
  const { company } = ctx;
  // Customers and vendors share QBO's name-list Id sequence, transactions share another.
  if (type === "Customer" || type === "Vendor") {
    const next = Math.max(company.nextIds.Customer, company.nextIds.Vendor);
    company.nextIds.Customer = company.nextIds.Vendor = next + 1;
    return String(next);
  }
  if (type === "Invoice" || type === "InventoryAdjustment") {
    const next = Math.max(company.nextIds.Invoice, company.nextIds.InventoryAdjustment);
    company.nextIds.Invoice = company.nextIds.InventoryAdjustment = next + 1;
    return String(next);
  }
  return company.allocId(type);
}

/** Id and SyncToken arrive as strings (Intuit) or, from sloppy clients, numbers. */
function scalarText(v: Json | undefined): string | undefined {
  if (typeof v === "string") return v === "" ? undefined : v;
  if (typeof v === "number") return String(v);
  return undefined;
}

function checkedExisting(ctx: WriteCtx, type: EntityName, body: JsonObject): Entity {
  const id = scalarText(body.Id);
  if (id === undefined) throw errors.requiredParam("Id");
  const row = ctx.company.get(type, id);
  if (!row) throw errors.readNotFound(type, id);
  const token = scalarText(body.SyncToken);
  if (token === undefined) throw errors.requiredParam("SyncToken");
  if (token !== getStr(row.e, "SyncToken")) throw errors.stale();
  return row.e;
}

export function updateEntity(ctx: WriteCtx, type: EntityName, body: unknown): Entity {
  if (!isObject(body)) throw errors.invalidProperty(type);
  const existing = checkedExisting(ctx, type, body);
  // Intuit documents create, read, query and delete; "the transaction date cannot be edited".
  if (type === "InventoryAdjustment")
    throw errors.unsupported("Operation Update is not supported for InventoryAdjustment.");
  const sparse = getBool(body, "sparse") === true;
  const fields = withoutEnvelope(body);
  const candidate = sparse ? { ...withoutEnvelope(existing), ...fields } : fields;
  const prepared = PREPARE[type](ctx, candidate, existing);
  const e: Entity = { ...prepared, ...bumpedEnvelope(existing, ctx.now) };
  ctx.company.put(type, e, ctx.now);
  afterWrite(ctx, type, existing, e);
  ctx.emit(type, getStr(e, "Id") ?? "", "Update", ctx.now);
  return e;
}

/** `?operation=delete`: transactions only; name lists are deactivated instead. */
export function deleteEntity(ctx: WriteCtx, type: EntityName, body: unknown): Entity {
  if (!isObject(body)) throw errors.invalidProperty(type);
  if (!DELETABLE.has(type))
    throw errors.unsupported(
      `Operation Delete is not supported for ${type}; set Active to false instead.`,
    );
  const existing = checkedExisting(ctx, type, body);
  const id = getStr(existing, "Id") ?? "";
  afterWrite(ctx, type, existing, undefined);
  ctx.company.remove(type, id, ctx.now);
  ctx.emit(type, id, "Delete", ctx.now);
  return { domain: "QBO", status: "Deleted", Id: id };
}

/** `?operation=void`: amounts go to zero, the invoice stays, stock and balance come back. */
export function voidEntity(ctx: WriteCtx, type: EntityName, body: unknown): Entity {
  if (!isObject(body)) throw errors.invalidProperty(type);
  if (type !== "Invoice") throw errors.unsupported(`Operation Void is not supported for ${type}.`);
  const existing = checkedExisting(ctx, type, body);
  const lines = (getArr(existing, "Line") ?? []).map((line) => {
    if (!isObject(line)) return line;
    const detail = line.SalesItemLineDetail;
    const zeroed: JsonObject = { ...line, Amount: 0 };
    if (isObject(detail)) zeroed.SalesItemLineDetail = { ...detail, Qty: 0 };
    return zeroed;
  });
  const e: Entity = {
    ...existing,
    Line: lines,
    TotalAmt: 0,
    HomeTotalAmt: 0,
    Balance: 0,
    PrivateNote: "Voided",
    ...bumpedEnvelope(existing, ctx.now),
  };
  ctx.company.put(type, e, ctx.now);
  afterWrite(ctx, type, existing, e);
  ctx.emit(type, getStr(e, "Id") ?? "", "Void", ctx.now);
  return e;
}
