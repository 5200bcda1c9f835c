import { and, desc, eq, gt, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { stockMovements, syncOwnWrites } from "../../db/schema/index.js";
import { IN_FLIGHT_TIMEOUT_MINUTES } from "./own-writes.js";
import { add, subtract } from "../../lib/decimal.js";

export interface QuantityInput {
  shopId: string;
  partId: string;
  itemRef: string;
  localQuantity: string | null;
  /** QuickBooks' quantity we last accounted for, and when (undefined: never). */
  baseline: { quantity: string | null; at: Date } | undefined;
  qboQuantity: string;
  /** Database time just before QuickBooks was read: own writes sent after it may be unseen. */
  readStartedAt: Date;
}

export type QuantityPlan =
  | { kind: "wait"; reason: string }
  | { kind: "apply"; localDelta: string; consumeOwnWrites: string[] };

/**
 * How much of QuickBooks' quantity change is news to Shopmonkey:
 *   (QuickBooks now − baseline) − (our own writes already counted here, e.g. invoices).
 * The baseline is what we last saw, or what an import that ran since then copied.
 */
export async function planQuantity(tx: Db, q: QuantityInput): Promise<QuantityPlan> {
  const own = await tx
    .select()
    .from(syncOwnWrites)
    .where(
      and(
        eq(syncOwnWrites.shopId, q.shopId),
        eq(syncOwnWrites.itemRef, q.itemRef),
        inArray(syncOwnWrites.status, ["in_flight", "sent"]),
      ),
    );
  const expiry = q.readStartedAt.getTime() - IN_FLIGHT_TIMEOUT_MINUTES * 60_000;
  const inFlight = own.filter((w) => w.status === "in_flight" && w.createdAt.getTime() > expiry);
  if (inFlight.length > 0) return { kind: "wait", reason: "own write in flight" };
  const sent = own.filter((w) => w.status === "sent");
  // Sent after our read began: the read may predate it, so netting it now could be wrong.
  if (sent.some((w) => (w.sentAt ?? w.createdAt) >= q.readStartedAt))
    return { kind: "wait", reason: "own write newer than the read" };

  const imported = await latestImportSince(tx, q);
  const baseline =
    imported?.quantityAfter ?? q.baseline?.quantity ?? q.localQuantity ?? q.qboQuantity;
  // An import copies QuickBooks' quantity, own writes sent before it included.
  const counted = imported
    ? sent.filter((w) => (w.sentAt ?? w.createdAt) > imported.createdAt)
    : sent;
  const ownTotal = add("0", ...counted.map((w) => w.quantityDelta));
  return {
    kind: "apply",
    localDelta: subtract(subtract(q.qboQuantity, baseline), ownTotal),
    consumeOwnWrites: sent.map((w) => w.id),
  };
}

async function latestImportSince(tx: Db, q: QuantityInput) {
  const conditions = [
    eq(stockMovements.shopId, q.shopId),
    eq(stockMovements.partId, q.partId),
    eq(stockMovements.reason, "import"),
  ];
  if (q.baseline) conditions.push(gt(stockMovements.createdAt, q.baseline.at));
  const [row] = await tx
    .select({
      quantityAfter: stockMovements.quantityAfter,
      createdAt: stockMovements.createdAt,
    })
    .from(stockMovements)
    .where(and(...conditions))
    .orderBy(desc(stockMovements.createdAt))
    .limit(1);
  return row;
}
