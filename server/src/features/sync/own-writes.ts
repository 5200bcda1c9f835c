import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { syncOwnWrites } from "../../db/schema/index.js";
import { QboError } from "../../integrations/qbo/errors.js";

/** An own write still in flight this long is assumed never to have landed (crash mid-send). */
export const IN_FLIGHT_TIMEOUT_MINUTES = 10;

export interface OwnQuantityChange {
  itemRef: string;
  /** What the write does to QuickBooks' QtyOnHand, e.g. "-2" for an invoice line of 2. */
  quantityDelta: string;
}

/**
 * For the invoice sender (and any other code that moves QuickBooks quantities on our behalf):
 * wrap the QuickBooks call so that, when the item update comes back as a webhook or through
 * CDC, the part of QuickBooks' change we caused is not applied to Shopmonkey a second time.
 *
 *   await withOwnQuantityWrites(db, shopId, `invoice:${orderId}`, lines, () => client.call(...))
 *
 * Recorded before the call (in flight: the sync waits for the item), marked sent after it.
 */
export async function withOwnQuantityWrites<T>(
  db: Db,
  shopId: string,
  reference: string,
  changes: readonly OwnQuantityChange[],
  write: () => Promise<T>,
): Promise<T> {
  const moving = changes.filter((c) => Number(c.quantityDelta) !== 0);
  if (moving.length === 0) return write();
  const rows = await db
    .insert(syncOwnWrites)
    .values(
      moving.map((c) => ({
        shopId,
        itemRef: c.itemRef,
        quantityDelta: c.quantityDelta,
        reference,
        status: "in_flight" as const,
      })),
    )
    .returning({ id: syncOwnWrites.id });
  const ids = rows.map((r) => r.id);
  try {
    const result = await write();
    await settle(db, ids, "sent");
    return result;
  } catch (err) {
    // A fault is a definite "no"; a timeout may have landed, so it stays in flight (and
    // expires) rather than being guessed either way.
    if (err instanceof QboError && err.kind !== "unavailable" && err.kind !== "throttled")
      await settle(db, ids, "failed");
    throw err;
  }
}

async function settle(db: Db, ids: string[], status: "sent" | "failed"): Promise<void> {
  // clock_timestamp(), not now(): the sync compares it with when its own read started.
  await db
    .update(syncOwnWrites)
    .set({ status, sentAt: sql`clock_timestamp()` })
    .where(and(inArray(syncOwnWrites.id, ids), eq(syncOwnWrites.status, "in_flight")));
}
