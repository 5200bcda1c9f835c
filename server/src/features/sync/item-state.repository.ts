import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { syncItemState } from "../../db/schema/index.js";

export type ItemState = typeof syncItemState.$inferSelect;

/** Locks (creating if needed) the item's row so two readers of one item apply in turn. */
export async function lockItemState(
  tx: Db,
  shopId: string,
  itemRef: string,
): Promise<{ state: ItemState; fresh: boolean }> {
  const created = await tx
    .insert(syncItemState)
    .values({ shopId, itemRef })
    .onConflictDoNothing()
    .returning();
  const [state] = await tx
    .select()
    .from(syncItemState)
    .where(and(eq(syncItemState.shopId, shopId), eq(syncItemState.itemRef, itemRef)))
    .for("update");
  if (!state) throw new Error(`sync state for item ${itemRef} vanished`);
  return { state, fresh: created.length > 0 };
}

export async function saveItemState(
  tx: Db,
  shopId: string,
  itemRef: string,
  values: { syncToken?: number | null; qboQuantity?: string | null; qboUpdatedAt?: Date | null },
): Promise<void> {
  await tx
    .update(syncItemState)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(syncItemState.shopId, shopId), eq(syncItemState.itemRef, itemRef)));
}

/** Forgets what the sync knew of these items (all of the shop's when no refs are given). */
export async function forgetItemStates(
  tx: Db,
  shopId: string,
  itemRefs?: readonly string[],
): Promise<void> {
  if (itemRefs?.length === 0) return;
  await tx
    .delete(syncItemState)
    .where(
      and(
        eq(syncItemState.shopId, shopId),
        ...(itemRefs ? [inArray(syncItemState.itemRef, [...itemRefs])] : []),
      ),
    );
}

export const syncTokenOf = (token: string | undefined): number | null => {
  const n = token === undefined ? Number.NaN : Number.parseInt(token, 10);
  return Number.isSafeInteger(n) ? n : null;
};
