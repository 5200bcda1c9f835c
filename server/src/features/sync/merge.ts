import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { customers, parts } from "../../db/schema/index.js";
import { raiseNotice } from "./sync-log.repository.js";
import { repointPart } from "../quickbooks-links/item-link.js";

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
