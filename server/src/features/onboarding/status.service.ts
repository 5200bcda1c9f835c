import type { OnboardingStatus } from "@app/shared";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  parts,
  quickBooksConnections,
  quickBooksExports,
  reconciliationRuns,
} from "../../db/schema/index.js";
import { getAccountingSettings } from "../accounting/accounting.repository.js";
import { keepInSync, wasImported } from "../sync/settings.repository.js";

const exists = async (query: Promise<unknown[]>): Promise<boolean> => (await query).length > 0;

/**
 * Each checklist tick is read from the state it stands for (a succeeded import, linked parts,
 * a saved mapping), so the list can never claim a step the shop hasn't really completed.
 */
export async function onboardingStatus(db: Db, shopId: string): Promise<OnboardingStatus> {
  const [connection] = await db
    .select({ status: quickBooksConnections.status })
    .from(quickBooksConnections)
    .where(eq(quickBooksConnections.shopId, shopId));
  const [counts] = await db
    .select({
      total: sql<number>`count(*)::int`,
      linked: sql<number>`count(${parts.quickBooksItemRef})::int`,
    })
    .from(parts)
    .where(eq(parts.shopId, shopId));
  const accounting = await getAccountingSettings(db, shopId);
  const [inv, nonInv, keepInv, keepNonInv, exported, reconciled] = await Promise.all([
    wasImported(db, shopId, "inventory"),
    wasImported(db, shopId, "non_inventory"),
    keepInSync(db, shopId, "inventory"),
    keepInSync(db, shopId, "non_inventory"),
    exists(
      db
        .select({ id: quickBooksExports.id })
        .from(quickBooksExports)
        .where(and(eq(quickBooksExports.shopId, shopId), eq(quickBooksExports.status, "succeeded")))
        .limit(1),
    ),
    exists(
      db
        .select({ id: reconciliationRuns.id })
        .from(reconciliationRuns)
        .where(eq(reconciliationRuns.shopId, shopId))
        .limit(1),
    ),
  ]);
  return {
    connected: connection?.status === "connected",
    imported: { inventory: inv, nonInventory: nonInv },
    keepInSync: { inventory: keepInv, nonInventory: keepNonInv },
    parts: { total: counts?.total ?? 0, linked: counts?.linked ?? 0 },
    // Invoices post through the Parts category's item at least; that one mapping is the step.
    accountingMapped: accounting.categoryItems.parts !== null,
    exported,
    reconciled,
  };
}
