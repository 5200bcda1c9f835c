import {
  type AdjustmentAccountList,
  type AccountingSettings,
  type AccountingSettingsInput,
  type FieldIssue,
  MappableItemTypeSchema,
  type MappableItemType,
  type QuickBooksItemList,
} from "@app/shared";
import { fieldIssue, validationFailed } from "../../http/errors.js";
import type { Session } from "../../http/session.js";
import type { QboClient } from "../../integrations/qbo/client.js";
import type { Db } from "../../db/client.js";
import { getAccountingSettings, saveAccountingSettings } from "./accounting.repository.js";
import { adjustmentAccounts, defaultAdjustmentAccount } from "./adjustment-account.js";
import { findItems, listItems } from "./quickbooks-items.js";

export interface AccountingDeps {
  db: Db;
  qbo: { client: QboClient };
}

export const getSettings = (deps: AccountingDeps, shopId: string): Promise<AccountingSettings> =>
  getAccountingSettings(deps.db, shopId);

export async function listQuickBooksItems(
  deps: AccountingDeps,
  shopId: string,
  types: readonly MappableItemType[],
): Promise<QuickBooksItemList> {
  return { items: await listItems(deps.qbo.client, shopId, types) };
}

/**
 * Every chosen id must be an active Service or NonInventory item in the company today: a typo
 * or a deleted item would only surface later, as a failed invoice.
 */
export async function saveSettings(
  deps: AccountingDeps,
  session: Session,
  input: AccountingSettingsInput,
): Promise<AccountingSettings> {
  const chosen = Object.entries(input.categoryItems).filter(
    (e): e is [string, string] => e[1] !== null,
  );
  const found = await findItems(deps.qbo.client, session.shopId, [
    ...new Set(chosen.map(([, id]) => id)),
  ]);
  const issues: FieldIssue[] = [];
  for (const [category, id] of chosen) {
    const item = found.get(id);
    const path = `body.categoryItems.${category}`;
    if (!item)
      issues.push(
        fieldIssue(path, `QuickBooks has no item with id ${id}`, {
          reason: "unknown_item",
          params: { id },
        }),
      );
    else if (!item.active)
      issues.push(
        fieldIssue(path, `"${item.name}" is inactive in QuickBooks`, {
          reason: "item_inactive",
          params: { name: item.name },
        }),
      );
    else if (!MappableItemTypeSchema.safeParse(item.type).success)
      issues.push(
        fieldIssue(
          path,
          `"${item.name}" is a ${item.type} item; pick a service or non-inventory item`,
          { reason: "item_not_mappable", params: { name: item.name, type: item.type } },
        ),
      );
  }
  if (input.adjustmentAccountId) {
    const accounts = await adjustmentAccounts(deps.qbo.client, session.shopId);
    if (!accounts.some((a) => a.id === input.adjustmentAccountId))
      issues.push(
        fieldIssue(
          "body.adjustmentAccountId",
          `QuickBooks has no active Expense or Cost of Goods Sold account with id ${input.adjustmentAccountId}`,
          { reason: "unknown_account", params: { id: input.adjustmentAccountId } },
        ),
      );
  }
  if (issues.length > 0) throw validationFailed(issues);
  await saveAccountingSettings(deps.db, session.shopId, input, session.userId);
  return getAccountingSettings(deps.db, session.shopId);
}

/** The accounts the adjustment-account picker offers, and the one used while none is chosen. */
export async function listAdjustmentAccounts(
  deps: AccountingDeps,
  shopId: string,
): Promise<AdjustmentAccountList> {
  const items = await adjustmentAccounts(deps.qbo.client, shopId);
  return { items, defaultId: defaultAdjustmentAccount(items)?.id ?? null };
}
