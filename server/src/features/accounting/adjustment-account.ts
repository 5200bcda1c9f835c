import type { AdjustmentAccountOption } from "@app/shared";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { accountingSettings } from "../../db/schema/index.js";
import type { QboClient } from "../../integrations/qbo/client.js";

interface QboAccount {
  Id: string;
  Name: string;
  AccountType?: string;
  AccountSubType?: string;
  Active?: boolean;
}

/** What a stock adjustment may be booked against in QuickBooks: its expense side. */
const ADJUSTABLE_TYPES = new Set(["Cost of Goods Sold", "Expense", "Other Expense"]);

/** The company's active Expense and Cost of Goods Sold accounts, live, by name. */
export async function adjustmentAccounts(
  client: QboClient,
  shopId: string,
): Promise<AdjustmentAccountOption[]> {
  const res = await client.call<{ QueryResponse?: { Account?: QboAccount[] } }>(shopId, {
    method: "GET",
    path: "query",
    query: { query: "select * from Account maxresults 1000" },
  });
  return (res.QueryResponse?.Account ?? [])
    .filter((a) => a.Active !== false && ADJUSTABLE_TYPES.has(a.AccountType ?? ""))
    .map((a) => ({
      id: a.Id,
      name: a.Name,
      type: a.AccountType ?? "",
      subType: a.AccountSubType ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * QuickBooks' own choice when a person adjusts quantities in its UI is "Inventory Shrinkage"
 * (a Cost of Goods Sold account); without it, any Cost of Goods Sold account, then any expense.
 */
export function defaultAdjustmentAccount(
  accounts: readonly AdjustmentAccountOption[],
): AdjustmentAccountOption | undefined {
  return (
    accounts.find((a) => a.name === "Inventory Shrinkage") ??
    accounts.find((a) => a.subType === "SuppliesMaterialsCogs") ??
    accounts.find((a) => a.type === "Cost of Goods Sold") ??
    accounts[0]
  );
}

export async function chosenAdjustmentAccount(db: Db, shopId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: accountingSettings.adjustmentAccountId })
    .from(accountingSettings)
    .where(eq(accountingSettings.shopId, shopId));
  return row?.id ?? null;
}

/** The account an adjustment is booked against: the shop's choice, else the default. */
export async function adjustmentAccountFor(
  db: Db,
  client: QboClient,
  shopId: string,
): Promise<string | undefined> {
  return (
    (await chosenAdjustmentAccount(db, shopId)) ??
    defaultAdjustmentAccount(await adjustmentAccounts(client, shopId))?.id
  );
}
