/**
 * Which properties a query may use, per entity (XSD field lists, docs/quickbooks.md §4).
 * Anything else is 4001 "property is not queryable", like PrivateNote on real QBO.
 */
const COMMON = ["Id", "SyncToken", "MetaData"];
const NAME_BASE = [
  "Title",
  "GivenName",
  "MiddleName",
  "FamilyName",
  "Suffix",
  "FullyQualifiedName",
  "CompanyName",
  "DisplayName",
  "PrintOnCheckName",
  "Active",
  "PrimaryPhone",
  "Mobile",
  "PrimaryEmailAddr",
  "Balance",
  "AcctNum",
];

export const QUERYABLE: Record<string, readonly string[]> = {
  Item: [
    ...COMMON,
    "Name",
    "Sku",
    "Description",
    "Active",
    "SubItem",
    "ParentRef",
    "Level",
    "FullyQualifiedName",
    "Taxable",
    "UnitPrice",
    "Type",
    "IncomeAccountRef",
    "PurchaseCost",
    "ExpenseAccountRef",
    "AssetAccountRef",
    "PrefVendorRef",
    "TrackQtyOnHand",
    "QtyOnHand",
    "ReorderPoint",
    "InvStartDate",
  ],
  Customer: [
    ...COMMON,
    ...NAME_BASE,
    "Job",
    "ParentRef",
    "Level",
    "BalanceWithJobs",
    "Taxable",
    "BillWithParent",
  ],
  Vendor: [...COMMON, ...NAME_BASE, "Vendor1099"],
  Account: [
    ...COMMON,
    "Name",
    "SubAccount",
    "ParentRef",
    "FullyQualifiedName",
    "Active",
    "Classification",
    "AccountType",
    "AccountSubType",
    "AcctNum",
    "CurrentBalance",
    "CurrentBalanceWithSubAccounts",
  ],
  Invoice: [
    ...COMMON,
    "DocNumber",
    "TxnDate",
    "DueDate",
    "CustomerRef",
    "TotalAmt",
    "Balance",
    "EmailStatus",
    "PrintStatus",
    "CurrencyRef",
    "ShipDate",
  ],
  // Transaction filters Intuit documents for every transaction type.
  InventoryAdjustment: [...COMMON, "TxnDate", "DocNumber"],
  CompanyInfo: [...COMMON, "CompanyName", "LegalName", "Country"],
  Preferences: [...COMMON],
};

/**
 * Properties a query may return and sort on but not filter on. Intuit's Item reference marks
 * Id, Name, Sku, Type, Active, Taxable, FullyQualifiedName, SubItem and MetaData filterable
 * (https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/item);
 * UnitPrice, PurchaseCost and QtyOnHand stay allowed here because clients use them and the
 * live service accepts them (observed, unverified in the reference). Account and vendor refs,
 * descriptions and dates are refused with 4001, as QuickBooks does.
 */
const NOT_FILTERABLE: Record<string, ReadonlySet<string>> = {
  Item: new Set([
    "Description",
    "ParentRef",
    "Level",
    "IncomeAccountRef",
    "ExpenseAccountRef",
    "AssetAccountRef",
    "PrefVendorRef",
    "TrackQtyOnHand",
    "ReorderPoint",
    "InvStartDate",
  ]),
};

export function isFilterable(entity: string, canonical: string): boolean {
  return !NOT_FILTERABLE[entity]?.has(canonical);
}

/** Name lists return active records only unless the query mentions Active (docs/quickbooks.md §3). */
export const ACTIVE_BY_DEFAULT = new Set(["Item", "Customer", "Vendor"]);

export function canonicalEntity(name: string): string | undefined {
  return Object.keys(QUERYABLE).find((k) => k.toLowerCase() === name.toLowerCase());
}

export function canonicalField(entity: string, field: string): string | undefined {
  const [head, ...rest] = field.split(".");
  const match = QUERYABLE[entity]?.find((f) => f.toLowerCase() === (head ?? "").toLowerCase());
  if (match === undefined) return undefined;
  if (match === "MetaData") {
    const sub = rest.join(".").toLowerCase();
    if (sub === "createtime") return "MetaData.CreateTime";
    if (sub === "lastupdatedtime") return "MetaData.LastUpdatedTime";
    return undefined;
  }
  return rest.length ? undefined : match;
}
