/** Item and name-list entity builders (stored shape, refs carry names as Intuit returns). */
import { ACCOUNT, DEMO_ACCOUNTS } from "./demo-accounts.js";
import type { Entity, JsonObject } from "../json.js";
import { address, envelope, ref } from "./company-builders.js";

const accountName = (id: string) => DEMO_ACCOUNTS.find((a) => a.id === id)?.name;

// Shared, never mutated: writes always replace objects (copy-on-write), so 100k generated
// items can point at the same ref objects.
export const REFS = {
  income: Object.freeze(ref(ACCOUNT.productIncome, accountName(ACCOUNT.productIncome))),
  cogs: Object.freeze(ref(ACCOUNT.cogs, accountName(ACCOUNT.cogs))),
  asset: Object.freeze(ref(ACCOUNT.inventoryAsset, accountName(ACCOUNT.inventoryAsset))),
  services: Object.freeze(ref(ACCOUNT.services, accountName(ACCOUNT.services))),
  suppliesIncome: Object.freeze(ref(ACCOUNT.suppliesIncome, accountName(ACCOUNT.suppliesIncome))),
  suppliesExpense: Object.freeze(
    ref(ACCOUNT.suppliesExpense, accountName(ACCOUNT.suppliesExpense)),
  ),
} as const;

export interface InventoryFields {
  name: string;
  sku?: string;
  description: string;
  vendor?: JsonObject;
  cost: number;
  price: number;
  qty: number;
  reorder: number;
}

export function inventoryItem(id: string, meta: JsonObject, f: InventoryFields): Entity {
  // One object literal (not Object.assign) keeps V8 in fast-properties mode: ~4x smaller.
  const e: Entity = {
    Id: id,
    SyncToken: "0",
    Name: f.name,
    Description: f.description,
    Active: true,
    SubItem: false,
    FullyQualifiedName: f.name,
    Taxable: true,
    UnitPrice: f.price,
    Type: "Inventory",
    IncomeAccountRef: REFS.income,
    PurchaseDesc: f.description.length > 1000 ? f.description.slice(0, 1000) : f.description,
    PurchaseCost: f.cost,
    ExpenseAccountRef: REFS.cogs,
    AssetAccountRef: REFS.asset,
    TrackQtyOnHand: true,
    QtyOnHand: f.qty,
    ReorderPoint: f.reorder,
    InvStartDate: "2024-01-01",
    domain: "QBO",
    sparse: false,
    MetaData: meta,
  };
  if (f.sku !== undefined) e.Sku = f.sku;
  if (f.vendor) e.PrefVendorRef = f.vendor;
  return e;
}

/**
 * A stocked part as the company's plan allows it: an Inventory item on Plus/Advanced, a
 * NonInventory item (same name, Sku, price and cost, no quantity) on plans without inventory.
 */
export function partItem(
  id: string,
  meta: JsonObject,
  f: InventoryFields,
  inventory: boolean,
): Entity {
  if (inventory) return inventoryItem(id, meta, f);
  const e = simpleItem(id, meta, "NonInventory", {
    name: f.name,
    description: f.description,
    price: f.price,
    cost: f.cost,
    ...(f.sku !== undefined ? { sku: f.sku } : {}),
  });
  if (f.vendor) e.PrefVendorRef = f.vendor;
  return e;
}

export interface SimpleFields {
  name: string;
  sku?: string;
  description: string;
  price: number;
  cost?: number;
}

export function simpleItem(
  id: string,
  meta: JsonObject,
  type: "NonInventory" | "Service",
  f: SimpleFields,
): Entity {
  const e: Entity = {
    Id: id,
    SyncToken: "0",
    Name: f.name,
    Description: f.description,
    Active: true,
    SubItem: false,
    FullyQualifiedName: f.name,
    Taxable: type === "NonInventory",
    UnitPrice: f.price,
    Type: type,
    IncomeAccountRef: type === "Service" ? REFS.services : REFS.suppliesIncome,
    PurchaseCost: f.cost ?? 0,
    TrackQtyOnHand: false,
    domain: "QBO",
    sparse: false,
    MetaData: meta,
  };
  if (f.sku !== undefined) e.Sku = f.sku;
  if (type === "NonInventory") e.ExpenseAccountRef = REFS.suppliesExpense;
  return e;
}

export function categoryItem(id: string, meta: JsonObject, name: string): Entity {
  return {
    Name: name,
    Active: true,
    SubItem: false,
    FullyQualifiedName: name,
    Type: "Category",
    ...envelope(id, meta),
  };
}

export interface NameFields {
  display: string;
  given?: string;
  family?: string;
  company?: string;
  email?: string;
  phone?: string;
  street?: string;
  city?: string;
  state?: string;
  zip?: string;
  active?: boolean;
  notes?: string;
}

/** Fields shared by Customer and Vendor (NameBase). */
export function nameBase(f: NameFields): Entity {
  const e: Entity = {};
  if (f.given) e.GivenName = f.given;
  if (f.family) e.FamilyName = f.family;
  if (f.company) e.CompanyName = f.company;
  e.DisplayName = f.display;
  e.PrintOnCheckName = f.company ?? f.display;
  e.Active = f.active ?? true;
  if (f.email) e.PrimaryEmailAddr = { Address: f.email };
  if (f.phone) e.PrimaryPhone = { FreeFormNumber: f.phone };
  const bill = address(f.street, f.city, f.state, f.zip);
  if (bill) e.BillAddr = bill;
  if (f.notes) e.Notes = f.notes;
  return e;
}

export function customer(
  id: string,
  meta: JsonObject,
  f: NameFields,
  parent?: { id: string; fqn: string },
): Entity {
  return {
    ...nameBase(f),
    Taxable: true,
    Job: parent !== undefined,
    BillWithParent: parent !== undefined,
    ...(parent ? { ParentRef: { value: parent.id }, Level: 1 } : {}),
    FullyQualifiedName: parent ? `${parent.fqn}:${f.display}` : f.display,
    Balance: 0,
    BalanceWithJobs: 0,
    CurrencyRef: { value: "USD", name: "United States Dollar" },
    PreferredDeliveryMethod: "Print",
    ...envelope(id, meta),
  };
}

export function vendor(id: string, meta: JsonObject, f: NameFields): Entity {
  return {
    ...nameBase(f),
    Balance: 0,
    Vendor1099: false,
    CurrencyRef: { value: "USD", name: "United States Dollar" },
    ...envelope(id, meta),
  };
}
