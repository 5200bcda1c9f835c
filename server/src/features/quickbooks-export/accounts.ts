import { conflict } from "../../http/errors.js";
import type { QboClient } from "../../integrations/qbo/client.js";

export interface AccountRef {
  value: string;
  name: string;
}
export interface ItemAccounts {
  income: AccountRef;
  expense: AccountRef;
  asset: AccountRef;
}

interface QboAccount {
  Id: string;
  Name: string;
  AccountType?: string;
  AccountSubType?: string;
  Active?: boolean;
}

/**
 * Intuit requires these three on every Inventory item (docs/quickbooks.md §4.1): an Inventory asset
 * (Other Current Asset), Sales of Product Income and Cost of Goods Sold. Accounting settings
 * have no inventory account choice yet, so we take QuickBooks' own defaults: the account of
 * the standard name first, else the first of the right detail type.
 */
export async function defaultItemAccounts(
  client: QboClient,
  shopId: string,
): Promise<ItemAccounts> {
  const res = await client.call<{ QueryResponse?: { Account?: QboAccount[] } }>(shopId, {
    method: "GET",
    path: "query",
    query: { query: "select * from Account maxresults 1000" },
  });
  const accounts = (res.QueryResponse?.Account ?? []).filter((a) => a.Active !== false);
  const pick = (name: string, subType: string, type: string): AccountRef | undefined => {
    const found =
      accounts.find((a) => a.Name === name) ??
      accounts.find((a) => a.AccountSubType === subType) ??
      accounts.find((a) => a.AccountType === type);
    return found ? { value: found.Id, name: found.Name } : undefined;
  };
  const asset = pick("Inventory Asset", "Inventory", "Other Current Asset");
  const income = pick("Sales of Product Income", "SalesOfProductIncome", "Income");
  const expense = pick("Cost of Goods Sold", "SuppliesMaterialsCogs", "Cost of Goods Sold");
  if (!asset || !income || !expense)
    throw conflict(
      "QuickBooks has no Inventory Asset, Sales of Product Income or Cost of Goods Sold account; add them in QuickBooks first",
      { reason: "quickbooks_accounts_missing" },
    );
  return { asset, income, expense };
}
