/** Account rules (docs/quickbooks.md §4.4): Name unique (6240), AccountType required and valid (2170). */
import { errors } from "../api/errors.js";
import type { Entity } from "../json.js";
import { getStr } from "../json.js";
import type { WriteCtx } from "./entity-context.js";
import { boolField, requireStr } from "./entity-fields.js";

const CLASSIFICATION: Record<string, string> = {
  Bank: "Asset",
  "Accounts Receivable": "Asset",
  "Other Current Asset": "Asset",
  "Fixed Asset": "Asset",
  "Other Asset": "Asset",
  "Accounts Payable": "Liability",
  "Credit Card": "Liability",
  "Other Current Liability": "Liability",
  "Long Term Liability": "Liability",
  Equity: "Equity",
  Income: "Revenue",
  "Other Income": "Revenue",
  "Cost of Goods Sold": "Expense",
  Expense: "Expense",
  "Other Expense": "Expense",
  "Non-Posting": "Asset",
};

export function prepareAccount(ctx: WriteCtx, c: Entity, existing: Entity | undefined): Entity {
  const name = requireStr(c, "Name").trim();
  c.Name = name;
  const type = requireStr(c, "AccountType");
  const classification = CLASSIFICATION[type];
  if (classification === undefined) throw errors.invalidEnum("AccountType", type);
  const id = existing ? getStr(existing, "Id") : undefined;
  for (const row of ctx.company.tables.Account.values()) {
    const other = getStr(row.e, "Name");
    if (other?.toLowerCase() === name.toLowerCase() && getStr(row.e, "Id") !== id)
      throw errors.duplicateName("account", getStr(row.e, "Id") ?? "");
  }
  c.Classification = classification;
  c.Active = boolField(c, "Active", true);
  c.SubAccount = false;
  c.FullyQualifiedName = name;
  c.CurrentBalance ??= 0;
  c.CurrentBalanceWithSubAccounts ??= 0;
  c.CurrencyRef ??= { value: "USD", name: "United States Dollar" };
  return c;
}
