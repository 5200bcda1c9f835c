import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { leaseFor, leaseFree } from "../../../db/lease.js";
import { orders, type PendingQboWrite } from "../../../db/schema/index.js";
import type { OrderRow } from "../orders.mapper.js";
import { recordOwnWrites, settleOwnWrites } from "./own-writes.js";

/** Long enough for a slow write and its retries; a crashed worker's lease simply runs out. */
const LEASE_SECONDS = 120;

const byId = (shopId: string, id: string) => and(eq(orders.shopId, shopId), eq(orders.id, id));

/** One writer per order: the lease is taken atomically, only while a send is pending. */
export async function takeLease(db: Db, shopId: string, id: string): Promise<OrderRow | undefined> {
  const [row] = await db
    .update(orders)
    .set({ qboLeaseUntil: leaseFor(LEASE_SECONDS) })
    .where(and(byId(shopId, id), eq(orders.qboStatus, "pending"), leaseFree(orders.qboLeaseUntil)))
    .returning();
  return row;
}

export async function releaseLease(db: Db, shopId: string, id: string): Promise<void> {
  await db.update(orders).set({ qboLeaseUntil: null }).where(byId(shopId, id));
}

/** Stores the write before it is attempted, with its own-quantity rows, in one transaction. */
export async function storePending(
  db: Db,
  shopId: string,
  id: string,
  seq: number,
  pending: PendingQboWrite,
  deltas: Map<string, string>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(orders)
      .set({ qboPending: pending, qboWriteSeq: seq, qboRealmId: pending.realmId ?? null })
      .where(and(byId(shopId, id), isNull(orders.qboPending)))
      .returning({ id: orders.id });
    if (!row) throw new Error(`order ${id} already has a pending QuickBooks write`);
    await recordOwnWrites(tx, shopId, pending.reference, deltas);
  });
}

/**
 * QuickBooks holds the write: remember the invoice, drop the pending write, confirm the own
 * quantities. Still "pending" when the order was edited meanwhile (the job sends again).
 */
export async function recordSent(
  db: Db,
  shopId: string,
  id: string,
  pending: PendingQboWrite,
  invoice: { Id: string; DocNumber?: string },
): Promise<OrderRow | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(orders)
      .set({
        qboInvoiceId: invoice.Id,
        qboDocNumber: invoice.DocNumber ?? null,
        qboSentRevision: pending.revision,
        qboLastSentAt: sql`now()`,
        qboPending: null,
        qboAttempts: 0,
        qboError: null,
        qboErrorCode: null,
        qboStatus: sql`case when ${orders.revision} = ${pending.revision} then 'sent' else 'pending' end`,
      })
      .where(byId(shopId, id))
      .returning();
    await settleOwnWrites(tx, shopId, pending.reference, "sent");
    return row;
  });
}

/** Intuit refused the write outright, so nothing moved there: forget it (a retry starts anew). */
export async function dropRefusedWrite(
  db: Db,
  shopId: string,
  id: string,
  pending: PendingQboWrite,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(orders).set({ qboPending: null }).where(byId(shopId, id));
    await settleOwnWrites(tx, shopId, pending.reference, "failed");
  });
}

/** Our DocNumber belongs to another invoice: forget the write and number the next one `next`. */
export async function renumberRefusedWrite(
  db: Db,
  shopId: string,
  id: string,
  pending: PendingQboWrite,
  next: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(orders).set({ qboPending: null, qboDocNumber: next }).where(byId(shopId, id));
    await settleOwnWrites(tx, shopId, pending.reference, "failed");
  });
}

export async function markFailed(
  db: Db,
  shopId: string,
  id: string,
  error: { code: string; message: string },
): Promise<void> {
  await db
    .update(orders)
    .set({ qboStatus: "failed", qboErrorCode: error.code, qboError: error.message.slice(0, 1000) })
    .where(byId(shopId, id));
}

/** A transient failure: counted, so the send gives up (as "failed", with Retry) after a few. */
export async function countAttempt(db: Db, shopId: string, id: string, message: string) {
  const [row] = await db
    .update(orders)
    .set({ qboAttempts: sql`${orders.qboAttempts} + 1`, qboError: message.slice(0, 1000) })
    .where(byId(shopId, id))
    .returning({ attempts: orders.qboAttempts });
  return row?.attempts ?? 0;
}

export async function markUpToDate(db: Db, shopId: string, id: string): Promise<void> {
  await db
    .update(orders)
    .set({ qboStatus: "sent", qboAttempts: 0, qboError: null, qboErrorCode: null })
    .where(byId(shopId, id));
}

/** Orders whose send is pending: re-queued on start and periodically (a lost job or crash). */
export async function pendingOrders(db: Db): Promise<{ shopId: string; id: string }[]> {
  return db
    .select({ shopId: orders.shopId, id: orders.id })
    .from(orders)
    .where(and(eq(orders.qboStatus, "pending"), leaseFree(orders.qboLeaseUntil)))
    .limit(500);
}
