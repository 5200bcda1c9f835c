import type { SyncCategory } from "@app/shared";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { importJobs, syncSettings } from "../../db/schema/index.js";

export const SYNC_CATEGORIES: readonly SyncCategory[] = ["inventory", "non_inventory"];

/** Has this category ever been imported for real (not a preview)? */
export async function wasImported(
  db: Db,
  shopId: string,
  category: SyncCategory,
): Promise<boolean> {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(importJobs)
    .where(
      and(
        eq(importJobs.shopId, shopId),
        eq(importJobs.category, category),
        eq(importJobs.status, "succeeded"),
        eq(importJobs.dryRun, false),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** The shop's choice, else on once the category has been imported (issue 9). */
export async function keepInSync(db: Db, shopId: string, category: SyncCategory): Promise<boolean> {
  const [row] = await db
    .select({ keep: syncSettings.keepInSync })
    .from(syncSettings)
    .where(and(eq(syncSettings.shopId, shopId), eq(syncSettings.category, category)));
  return row ? row.keep : wasImported(db, shopId, category);
}

export async function setKeepInSync(
  db: Db,
  shopId: string,
  category: SyncCategory,
  keep: boolean,
): Promise<void> {
  await db
    .insert(syncSettings)
    .values({ shopId, category, keepInSync: keep })
    .onConflictDoUpdate({
      target: [syncSettings.shopId, syncSettings.category],
      set: { keepInSync: keep, updatedAt: sql`now()` },
    });
}
