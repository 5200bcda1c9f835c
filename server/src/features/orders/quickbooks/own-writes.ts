import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { syncOwnWrites } from "../../../db/schema/index.js";
import { isZero } from "../../../lib/decimal.js";

/**
 * The invoice's share of QuickBooks' quantity changes, told to the inventory sync (its
 * sync_own_writes table) so the item update that comes back by webhook or CDC is not applied to
 * Shopmonkey a second time; Shopmonkey already lowered its stock when the order was invoiced.
 *
 * Unlike the sync's per-call helper, rows here are keyed by the logical write's reference and
 * written once with the pending write, so a retried job or a restarted process reuses them:
 * one QuickBooks change, one own-write row per item, whatever the number of attempts.
 */
export async function recordOwnWrites(
  tx: Db,
  shopId: string,
  reference: string,
  deltas: Map<string, string>,
): Promise<void> {
  const moving = [...deltas].filter(([, d]) => !isZero(d));
  if (moving.length === 0) return;
  await tx.insert(syncOwnWrites).values(
    moving.map(([itemRef, quantityDelta]) => ({
      shopId,
      itemRef,
      quantityDelta,
      reference,
      status: "in_flight" as const,
    })),
  );
}

/** A retry is about to call again: "in flight" restarts its clock so the sync keeps waiting. */
export async function touchOwnWrites(db: Db, shopId: string, reference: string): Promise<void> {
  await db
    .update(syncOwnWrites)
    .set({ createdAt: sql`now()` })
    .where(ownRows(shopId, reference, "in_flight"));
}

/** QuickBooks confirmed the write (sent) or refused it outright (failed: nothing moved). */
export async function settleOwnWrites(
  tx: Db,
  shopId: string,
  reference: string,
  status: "sent" | "failed",
): Promise<void> {
  // clock_timestamp(), not now(): the sync compares it with when its own read started.
  await tx
    .update(syncOwnWrites)
    .set({ status, sentAt: sql`clock_timestamp()` })
    .where(ownRows(shopId, reference, "in_flight"));
}

const ownRows = (shopId: string, reference: string, status: "in_flight") =>
  and(
    eq(syncOwnWrites.shopId, shopId),
    eq(syncOwnWrites.reference, reference),
    inArray(syncOwnWrites.status, [status]),
  );
