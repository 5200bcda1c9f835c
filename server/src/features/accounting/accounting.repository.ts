import { type AccountingSettings, SALES_CATEGORIES } from "@app/shared";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { accountingSettings } from "../../db/schema/index.js";

const UNMAPPED = Object.fromEntries(SALES_CATEGORIES.map((c) => [c, null])) as {
  [K in (typeof SALES_CATEGORIES)[number]]: null;
};

/** A shop that never saved the form has every category unmapped and auto-send off. */
export async function getAccountingSettings(db: Db, shopId: string): Promise<AccountingSettings> {
  const [row] = await db
    .select()
    .from(accountingSettings)
    .where(eq(accountingSettings.shopId, shopId));
  return {
    categoryItems: { ...UNMAPPED, ...row?.categoryItems },
    autoSendInvoices: row?.autoSendInvoices ?? false,
    adjustmentAccountId: row?.adjustmentAccountId ?? null,
  };
}

export async function saveAccountingSettings(
  db: Db,
  shopId: string,
  settings: Omit<AccountingSettings, "adjustmentAccountId"> & {
    adjustmentAccountId?: string | null;
  },
  userId: string,
): Promise<void> {
  const values = {
    categoryItems: settings.categoryItems,
    autoSendInvoices: settings.autoSendInvoices,
    ...(settings.adjustmentAccountId !== undefined
      ? { adjustmentAccountId: settings.adjustmentAccountId }
      : {}),
    updatedBy: userId,
  };
  await db
    .insert(accountingSettings)
    .values({ shopId, ...values })
    .onConflictDoUpdate({
      target: accountingSettings.shopId,
      set: { ...values, updatedAt: sql`now()` },
    });
}
