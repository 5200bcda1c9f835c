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
  CompanyInfo: [...COMMON, "CompanyName", "LegalName", "Country"],
  Preferences: [...COMMON],
};

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
