import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  customers,
  parts,
  stockAdjustments,
  syncItemState,
  syncNotices,
  syncOwnWrites,
} from "../../db/schema/index.js";
import { raiseNotice } from "./sync-log.repository.js";

export interface MergeEvent {
  shopId: string;
  realmId: string;
  entity: string;
  /** The record merged away (gone in QuickBooks). */
  fromId: string;
  /** The surviving record. */
  toId: string;
}

export type MergeOutcome = "repointed" | "conflict" | "not_linked" | "ignored";

/**
 * A QuickBooks user merged two records: whatever we linked to the merged one now follows the
 * survivor. Pure database work, done where the webhook is received, and idempotent: a repeat,
 * or a merge of a record we never linked, finds nothing linked to `fromId` and changes nothing.
 * When another part already follows the survivor nothing is guessed: a "merged" notice asks
 * the shop which part keeps the link.
 */
export async function applyMerge(tx: Db, m: MergeEvent): Promise<MergeOutcome> {
  if (m.fromId === m.toId) return "ignored";
  if (m.entity === "Item") return mergeItem(tx, m);
  if (m.entity === "Customer") return mergeCustomer(tx, m);
  return "ignored";
}

async function mergeItem(tx: Db, m: MergeEvent): Promise<MergeOutcome> {
  const linked = (ref: string) =>
    tx
      .select({ id: parts.id })
      .from(parts)
      .where(
        and(
          eq(parts.shopId, m.shopId),
          eq(parts.quickBooksRealmId, m.realmId),
          eq(parts.quickBooksItemRef, ref),
        ),
      )
      .for("update");
  const [from] = await linked(m.fromId);
  if (!from) return "not_linked";
  const [to] = await linked(m.toId);
  if (to) {
    await raiseNotice(tx, {
      shopId: m.shopId,
      partId: from.id,
      itemRef: m.fromId,
      kind: "merged",
      mergedIntoRef: m.toId,
    });
    return "conflict";
  }
  await repointPart(tx, m.shopId, from.id, m.fromId, m.toId);
  return "repointed";
}

/**
 * Moves a part's link (and what is still on its way to QuickBooks for it) to another item of
 * the same company. Both items' baselines start afresh: QuickBooks added the merged quantity
 * to the survivor, so the next read brings the part to the survivor's quantity.
 */
export async function repointPart(
  tx: Db,
  shopId: string,
  partId: string,
  fromRef: string,
  toRef: string,
): Promise<void> {
  await tx
    .update(parts)
    .set({ quickBooksItemRef: toRef, updatedAt: sql`now()` })
    .where(and(eq(parts.shopId, shopId), eq(parts.id, partId)));
  await tx
    .delete(syncItemState)
    .where(and(eq(syncItemState.shopId, shopId), inArray(syncItemState.itemRef, [fromRef, toRef])));
  await tx
    .update(stockAdjustments)
    .set({ itemRef: toRef })
    .where(
      and(
        eq(stockAdjustments.shopId, shopId),
        eq(stockAdjustments.partId, partId),
        eq(stockAdjustments.itemRef, fromRef),
        inArray(stockAdjustments.status, ["pending", "failed"]),
      ),
    );
  await tx
    .update(syncOwnWrites)
    .set({ itemRef: toRef })
    .where(
      and(
        eq(syncOwnWrites.shopId, shopId),
        eq(syncOwnWrites.itemRef, fromRef),
        inArray(syncOwnWrites.status, ["in_flight", "sent"]),
      ),
    );
  // A "deleted" or "inactive" question about the merged item is moot now.
  await tx
    .update(syncNotices)
    .set({ status: "kept", resolvedAt: sql`now()`, resolvedBy: "QuickBooks merge" })
    .where(
      and(
        eq(syncNotices.shopId, shopId),
        eq(syncNotices.partId, partId),
        eq(syncNotices.itemRef, fromRef),
        eq(syncNotices.status, "open"),
      ),
    );
}

async function mergeCustomer(tx: Db, m: MergeEvent): Promise<MergeOutcome> {
  const linked = (ref: string) =>
    tx
      .select({ id: customers.id })
      .from(customers)
      .where(
        and(
          eq(customers.shopId, m.shopId),
          eq(customers.quickBooksRealmId, m.realmId),
          eq(customers.quickBooksCustomerRef, ref),
        ),
      )
      .for("update");
  const [from] = await linked(m.fromId);
  if (!from) return "not_linked";
  // Two of our customers were one person in QuickBooks: invoices of either now go to the
  // survivor (invoice sends find it by link), nothing else to choose.
  const [to] = await linked(m.toId);
  if (to) {
    await tx
      .update(customers)
      .set({ quickBooksCustomerRef: null, quickBooksRealmId: null, updatedAt: sql`now()` })
      .where(eq(customers.id, from.id));
    return "conflict";
  }
  await tx
    .update(customers)
    .set({ quickBooksCustomerRef: m.toId, updatedAt: sql`now()` })
    .where(eq(customers.id, from.id));
  return "repointed";
}
