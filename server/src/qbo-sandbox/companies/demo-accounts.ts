/** Chart of accounts of the demo shop. Ids 79/80/81 match Intuit's sandbox (docs/quickbooks.md §4.4). */
export interface AccountSeed {
  id: string;
  name: string;
  type: string;
  subType: string;
  classification: "Asset" | "Equity" | "Expense" | "Liability" | "Revenue";
}

export const DEMO_ACCOUNTS: readonly AccountSeed[] = [
  {
    id: "4",
    name: "Undeposited Funds",
    type: "Other Current Asset",
    subType: "UndepositedFunds",
    classification: "Asset",
  },
  {
    id: "7",
    name: "Advertising",
    type: "Expense",
    subType: "AdvertisingPromotional",
    classification: "Expense",
  },
  {
    id: "33",
    name: "Accounts Payable (A/P)",
    type: "Accounts Payable",
    subType: "AccountsPayable",
    classification: "Liability",
  },
  {
    id: "34",
    name: "Opening Balance Equity",
    type: "Equity",
    subType: "OpeningBalanceEquity",
    classification: "Equity",
  },
  { id: "35", name: "Checking", type: "Bank", subType: "Checking", classification: "Asset" },
  {
    id: "79",
    name: "Sales of Product Income",
    type: "Income",
    subType: "SalesOfProductIncome",
    classification: "Revenue",
  },
  {
    id: "80",
    name: "Cost of Goods Sold",
    type: "Cost of Goods Sold",
    subType: "SuppliesMaterialsCogs",
    classification: "Expense",
  },
  {
    id: "81",
    name: "Inventory Asset",
    type: "Other Current Asset",
    subType: "Inventory",
    classification: "Asset",
  },
  {
    id: "84",
    name: "Accounts Receivable (A/R)",
    type: "Accounts Receivable",
    subType: "AccountsReceivable",
    classification: "Asset",
  },
  {
    id: "85",
    name: "Services",
    type: "Income",
    subType: "ServiceFeeIncome",
    classification: "Revenue",
  },
  {
    id: "86",
    name: "Shop Supplies Income",
    type: "Income",
    subType: "OtherPrimaryIncome",
    classification: "Revenue",
  },
  {
    id: "87",
    name: "Shop Supplies Expense",
    type: "Expense",
    subType: "SuppliesMaterials",
    classification: "Expense",
  },
  {
    id: "88",
    name: "Disposal Fees",
    type: "Income",
    subType: "ServiceFeeIncome",
    classification: "Revenue",
  },
];

export const ACCOUNT = {
  productIncome: "79",
  cogs: "80",
  inventoryAsset: "81",
  services: "85",
  suppliesIncome: "86",
  suppliesExpense: "87",
  disposalIncome: "88",
} as const;
