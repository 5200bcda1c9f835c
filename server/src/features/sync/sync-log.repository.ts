import type { SyncFieldChange } from "@app/shared";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { syncChanges, syncNotices } from "../../db/schema/index.js";

export type ChangeSource = "webhook" | "catch_up" | "drift_fix";

export async function logChange(
  tx: Db,
  c: {
    shopId: string;
    partId: string;
    itemRef: string;
    name: string;
    source: ChangeSource;
    changes: SyncFieldChange[];
  },
): Promise<void> {
  if (c.changes.length === 0) return;
  await tx.insert(syncChanges).values(c);
}

/** One notice per part and kind: repeats and later catch-ups never ask again. */
export async function raiseNotice(
  tx: Db,
  n: {
    shopId: string;
    partId: string;
    itemRef: string;
    kind: "deleted" | "inactive" | "merged";
    mergedIntoRef?: string;
  },
): Promise<boolean> {
  const rows = await tx
    .insert(syncNotices)
    .values({ ...n, status: "open" })
    .onConflictDoNothing()
    .returning({ id: syncNotices.id });
  return rows.length > 0;
}

/** When an item comes back to life the "inactive" question is moot. */
export async function clearInactiveNotice(tx: Db, shopId: string, partId: string): Promise<void> {
  await tx.execute(
    sql`delete from sync_notices where shop_id = ${shopId} and part_id = ${partId}
        and kind = 'inactive' and status = 'open'`,
  );
}
