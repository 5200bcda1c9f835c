import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  quickBooksConnections,
  syncPending,
  syncWebhookDeliveries,
} from "../../db/schema/index.js";

export interface PendingChange {
  /** Null only for work queued before companies were recorded. */
  realmId: string | null;
  entity: string;
  entityId: string;
  version: number;
  attempts: number;
}

/** Connected shops of these QuickBooks companies (a realm is normally one shop). */
export async function shopsOfRealms(
  db: Db,
  realmIds: readonly string[],
): Promise<Map<string, string[]>> {
  if (realmIds.length === 0) return new Map();
  const rows = await db
    .select({ shopId: quickBooksConnections.shopId, realmId: quickBooksConnections.realmId })
    .from(quickBooksConnections)
    .where(
      and(
        inArray(quickBooksConnections.realmId, [...realmIds]),
        eq(quickBooksConnections.status, "connected"),
      ),
    );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.realmId, [...(out.get(r.realmId) ?? []), r.shopId]);
  return out;
}

/** False when this exact body was accepted before (a replayed delivery changes nothing). */
export async function firstDelivery(db: Db, digest: string): Promise<boolean> {
  const rows = await db
    .insert(syncWebhookDeliveries)
    .values({ digest })
    .onConflictDoNothing()
    .returning({ digest: syncWebhookDeliveries.digest });
  return rows.length > 0;
}

/** One row per (shop, entity, id); a repeat only bumps its version so the worker re-reads. */
export async function addPending(
  db: Db,
  rows: readonly { shopId: string; realmId: string; entity: string; entityId: string }[],
): Promise<void> {
  // One row per key: a batch naming a record twice (created, then updated) would otherwise
  // make PostgreSQL's upsert touch the same row twice and fail the whole delivery.
  const unique = [
    ...new Map(rows.map((r) => [`${r.shopId}\u0000${r.entity}\u0000${r.entityId}`, r])).values(),
  ];
  if (unique.length === 0) return;
  await db
    .insert(syncPending)
    .values(unique)
    .onConflictDoUpdate({
      target: [syncPending.shopId, syncPending.entity, syncPending.entityId],
      set: {
        version: sql`${syncPending.version} + 1`,
        receivedAt: sql`now()`,
        realmId: sql`excluded.realm_id`,
      },
    });
}

export const takePending = (db: Db, shopId: string, limit: number): Promise<PendingChange[]> =>
  db
    .select({
      realmId: syncPending.realmId,
      entity: syncPending.entity,
      entityId: syncPending.entityId,
      version: syncPending.version,
      attempts: syncPending.attempts,
    })
    .from(syncPending)
    .where(eq(syncPending.shopId, shopId))
    .orderBy(asc(syncPending.receivedAt))
    .limit(limit);

/** Done with the version that was read; an event that arrived meanwhile keeps the row. */
export async function finishPending(db: Db, shopId: string, p: PendingChange): Promise<void> {
  await db
    .delete(syncPending)
    .where(
      and(
        eq(syncPending.shopId, shopId),
        eq(syncPending.entity, p.entity),
        eq(syncPending.entityId, p.entityId),
        eq(syncPending.version, p.version),
      ),
    );
}

export async function deferPending(db: Db, shopId: string, p: PendingChange): Promise<void> {
  await db
    .update(syncPending)
    .set({ attempts: sql`${syncPending.attempts} + 1` })
    .where(
      and(
        eq(syncPending.shopId, shopId),
        eq(syncPending.entity, p.entity),
        eq(syncPending.entityId, p.entityId),
      ),
    );
}

export async function shopsWithPending(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ shopId: syncPending.shopId }).from(syncPending);
  return rows.map((r) => r.shopId);
}
