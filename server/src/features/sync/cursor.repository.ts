import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { quickBooksConnections, syncCursors } from "../../db/schema/index.js";

export type Cursor = typeof syncCursors.$inferSelect;

export const findCursor = async (db: Db, shopId: string): Promise<Cursor | undefined> =>
  (await db.select().from(syncCursors).where(eq(syncCursors.shopId, shopId)))[0];

export async function saveCursor(db: Db, cursor: Cursor): Promise<void> {
  const { shopId: _key, ...rest } = cursor;
  await db
    .insert(syncCursors)
    .values(cursor)
    .onConflictDoUpdate({ target: syncCursors.shopId, set: rest });
}

export async function recordCatchUpError(db: Db, shopId: string, message: string): Promise<void> {
  await db.update(syncCursors).set({ lastError: message }).where(eq(syncCursors.shopId, shopId));
}

/** Connected shops with their cursor (if any): the scheduler decides who needs a catch-up. */
export const connectedShops = (db: Db) =>
  db
    .select({
      shopId: quickBooksConnections.shopId,
      realmId: quickBooksConnections.realmId,
      connectedAt: quickBooksConnections.connectedAt,
      cursorConnectedAt: syncCursors.connectedAt,
      lastCatchUpAt: syncCursors.lastCatchUpAt,
    })
    .from(quickBooksConnections)
    .leftJoin(syncCursors, eq(syncCursors.shopId, quickBooksConnections.shopId))
    .where(eq(quickBooksConnections.status, "connected"));
