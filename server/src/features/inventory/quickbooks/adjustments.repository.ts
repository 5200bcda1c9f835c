import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { leaseFor, leaseFree } from "../../../db/lease.js";
import { stockAdjustments, syncOwnWrites } from "../../../db/schema/index.js";
import { recordOwnWrites, settleOwnWrites } from "../../orders/quickbooks/own-writes.js";

export type AdjustmentRow = typeof stockAdjustments.$inferSelect;

/** Long enough for a slow write and its retries; a crashed worker's lease simply runs out. */
const LEASE_SECONDS = 120;

/** The requestid of this try: same try, same id (Intuit replays); ≤ 50 characters. */
export const requestIdOf = (a: Pick<AdjustmentRow, "id" | "try">) => `adj-${a.id}-${a.try}`;
/** The own-write rows (sync_own_writes) of this try, so the item's webhook is not re-applied. */
export const ownReferenceOf = (a: Pick<AdjustmentRow, "id" | "try">) =>
  `adjustment:${a.id}:${a.try}`;

export interface NewAdjustment {
  shopId: string;
  partId: string;
  movementId: string | null;
  origin: AdjustmentRow["origin"];
  realmId: string;
  itemRef: string;
  qtyDiff: string;
}

/**
 * Stores the adjustment and its own-write row in the caller's transaction (the one that
 * changed Shopmonkey's stock): a change is never made here without its way to QuickBooks.
 */
export async function queueAdjustment(tx: Db, a: NewAdjustment): Promise<AdjustmentRow> {
  const [row] = await tx
    .insert(stockAdjustments)
    .values({ ...a, status: "pending" })
    .returning();
  if (!row) throw new Error("adjustment insert returned no row");
  await recordOwnWrites(tx, a.shopId, ownReferenceOf(row), new Map([[a.itemRef, a.qtyDiff]]));
  return row;
}

const pendingOfPart = (shopId: string, partId: string) =>
  and(
    eq(stockAdjustments.shopId, shopId),
    eq(stockAdjustments.partId, partId),
    eq(stockAdjustments.status, "pending"),
  );

/**
 * The part's oldest pending adjustment, leased to this caller: adjustments of one part go to
 * QuickBooks one at a time, in the order they were made (a concurrent caller picks the same
 * row and loses the lease, so it never skips ahead to a later one).
 */
export async function leaseOldest(
  db: Db,
  shopId: string,
  partId: string,
): Promise<AdjustmentRow | undefined> {
  const oldest = db
    .select({ id: stockAdjustments.id })
    .from(stockAdjustments)
    .where(pendingOfPart(shopId, partId))
    .orderBy(asc(stockAdjustments.createdAt), asc(stockAdjustments.id))
    .limit(1);
  const [row] = await db
    .update(stockAdjustments)
    .set({ leaseUntil: leaseFor(LEASE_SECONDS) })
    .where(
      and(
        inArray(stockAdjustments.id, oldest),
        eq(stockAdjustments.status, "pending"),
        leaseFree(stockAdjustments.leaseUntil),
      ),
    )
    .returning();
  return row;
}

export async function hasPending(db: Db, shopId: string, partId: string): Promise<boolean> {
  const rows = await db
    .select({ id: stockAdjustments.id })
    .from(stockAdjustments)
    .where(pendingOfPart(shopId, partId))
    .limit(1);
  return rows.length > 0;
}

export async function releaseLease(db: Db, id: string): Promise<void> {
  await db.update(stockAdjustments).set({ leaseUntil: null }).where(eq(stockAdjustments.id, id));
}

/** QuickBooks holds it: remember its id, confirm the own write (the sync nets it out). */
export async function recordSent(db: Db, a: AdjustmentRow, adjustmentId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(stockAdjustments)
      .set({
        status: "sent",
        adjustmentId,
        sentAt: sql`now()`,
        leaseUntil: null,
        error: null,
        errorCode: null,
      })
      .where(and(eq(stockAdjustments.id, a.id), eq(stockAdjustments.status, "pending")));
    await settleOwnWrites(tx, a.shopId, ownReferenceOf(a), "sent");
  });
}

/**
 * A definite no from QuickBooks (or the shop left the company): nothing moved there. The own
 * write is settled as failed and the next try gets a new requestid (Intuit would replay the
 * refusal otherwise).
 */
export async function recordRefused(
  db: Db,
  a: AdjustmentRow,
  error: { code: string; message: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(stockAdjustments)
      .set({
        status: "failed",
        try: sql`${stockAdjustments.try} + 1`,
        errorCode: error.code,
        error: error.message.slice(0, 1000),
        leaseUntil: null,
      })
      .where(and(eq(stockAdjustments.id, a.id), eq(stockAdjustments.status, "pending")));
    await settleOwnWrites(tx, a.shopId, ownReferenceOf(a), "failed");
  });
}

/** A transient failure, counted; the try (and its requestid) stays, it may have landed. */
export async function countAttempt(db: Db, id: string, message: string): Promise<number> {
  const [row] = await db
    .update(stockAdjustments)
    .set({ attempts: sql`${stockAdjustments.attempts} + 1`, error: message.slice(0, 1000) })
    .where(eq(stockAdjustments.id, id))
    .returning({ attempts: stockAdjustments.attempts });
  return row?.attempts ?? 0;
}

/** Gave up for now after silence: shown as failed with Retry, same try (it may have landed). */
export async function markUnanswered(db: Db, id: string, message: string): Promise<void> {
  await db
    .update(stockAdjustments)
    .set({
      status: "failed",
      errorCode: "quickbooks_unavailable",
      error: message,
      leaseUntil: null,
    })
    .where(and(eq(stockAdjustments.id, id), eq(stockAdjustments.status, "pending")));
}

/**
 * Retry of a failed adjustment: pending again. After a refusal the try moved on, so the own
 * write of the new try is recorded afresh; after silence the old one is still in flight.
 */
export async function requeue(
  db: Db,
  shopId: string,
  partId: string,
  id: string,
): Promise<AdjustmentRow | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(stockAdjustments)
      .set({ status: "pending", attempts: 0, leaseUntil: null })
      .where(
        and(
          eq(stockAdjustments.shopId, shopId),
          eq(stockAdjustments.partId, partId),
          eq(stockAdjustments.id, id),
          eq(stockAdjustments.status, "failed"),
        ),
      )
      .returning();
    if (!row) return undefined;
    const reference = ownReferenceOf(row);
    const [live] = await tx
      .select({ id: syncOwnWrites.id })
      .from(syncOwnWrites)
      .where(
        and(
          eq(syncOwnWrites.shopId, shopId),
          eq(syncOwnWrites.reference, reference),
          eq(syncOwnWrites.status, "in_flight"),
        ),
      );
    if (!live) await recordOwnWrites(tx, shopId, reference, new Map([[row.itemRef, row.qtyDiff]]));
    return row;
  });
}

export async function findAdjustment(db: Db, shopId: string, partId: string, id: string) {
  const [row] = await db
    .select()
    .from(stockAdjustments)
    .where(
      and(
        eq(stockAdjustments.shopId, shopId),
        eq(stockAdjustments.partId, partId),
        eq(stockAdjustments.id, id),
      ),
    );
  return row;
}

/** The part's adjustments, newest first, for its stock history. */
export async function adjustmentsOfPart(
  db: Db,
  shopId: string,
  partId: string,
): Promise<AdjustmentRow[]> {
  return db
    .select()
    .from(stockAdjustments)
    .where(and(eq(stockAdjustments.shopId, shopId), eq(stockAdjustments.partId, partId)))
    .orderBy(desc(stockAdjustments.createdAt))
    .limit(200);
}

/** Parts with a pending adjustment nobody holds: re-queued on start and by the sweep. */
export async function partsWithPending(db: Db): Promise<{ shopId: string; partId: string }[]> {
  return db
    .selectDistinct({ shopId: stockAdjustments.shopId, partId: stockAdjustments.partId })
    .from(stockAdjustments)
    .where(and(eq(stockAdjustments.status, "pending"), leaseFree(stockAdjustments.leaseUntil)))
    .limit(500);
}

/**
 * The part's quantity was settled as a whole (QuickBooks' value taken, or ours pushed): a
 * failed change of before is part of that settlement, so retrying it later would count it
 * twice. It is closed with the reason instead.
 */
export async function supersedeFailed(
  db: Db,
  shopId: string,
  partId: string,
  by: "take" | "push",
  reason: string,
): Promise<void> {
  await db
    .update(stockAdjustments)
    .set({ status: "dropped", errorCode: `superseded_by_${by}`, error: reason })
    .where(
      and(
        eq(stockAdjustments.shopId, shopId),
        eq(stockAdjustments.partId, partId),
        eq(stockAdjustments.status, "failed"),
      ),
    );
}
