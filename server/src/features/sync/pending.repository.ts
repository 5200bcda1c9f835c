import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  parts,
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

/**
 * Rows per INSERT: PostgreSQL takes at most 65,535 parameters in one statement (3 per row here),
 * and one webhook body can name tens of thousands of entities.
 */
const INSERT_CHUNK = 5_000;

/** One row per (shop, entity, id); a repeat only bumps its version so the worker re-reads. */
export async function addPending(
  db: Db,
  rows: readonly { shopId: string; realmId: string; entity: string; entityId: string }[],
): Promise<void> {
  // One body can name an entity twice (Create + Update of one item, a Merge, our sandbox's two
  // edits in one batch), and one INSERT … ON CONFLICT DO UPDATE cannot touch a row twice.
  const unique = [
    ...new Map(rows.map((r) => [JSON.stringify([r.shopId, r.entity, r.entityId]), r])).values(),
  ];
  for (let i = 0; i < unique.length; i += INSERT_CHUNK) {
    await db
      .insert(syncPending)
      .values(unique.slice(i, i + INSERT_CHUNK))
      .onConflictDoUpdate({
        target: [syncPending.shopId, syncPending.entity, syncPending.entityId],
        set: {
          version: sql`${syncPending.version} + 1`,
          receivedAt: sql`now()`,
          realmId: sql`excluded.realm_id`,
        },
      });
  }
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

/** Done with all of these (each at the version that was taken), in one statement. */
export async function finishPendingMany(
  db: Db,
  shopId: string,
  done: readonly PendingChange[],
): Promise<void> {
  if (done.length === 0) return;
  await db
    .delete(syncPending)
    .where(
      and(
        eq(syncPending.shopId, shopId),
        or(
          ...done.map((p) =>
            and(
              eq(syncPending.entity, p.entity),
              eq(syncPending.entityId, p.entityId),
              eq(syncPending.version, p.version),
            ),
          ),
        ),
      ),
    );
}

/** Which of these QuickBooks item ids a part of the shop is linked to. */
export async function linkedItemRefs(
  db: Db,
  shopId: string,
  itemRefs: readonly string[],
): Promise<Set<string>> {
  if (itemRefs.length === 0) return new Set();
  const rows = await db
    .select({ ref: parts.quickBooksItemRef })
    .from(parts)
    .where(and(eq(parts.shopId, shopId), inArray(parts.quickBooksItemRef, [...new Set(itemRefs)])));
  return new Set(rows.flatMap((r) => (r.ref === null ? [] : [r.ref])));
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
