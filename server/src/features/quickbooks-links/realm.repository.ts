import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { parts, quickBooksConnections, quickBooksLinkRealms } from "../../db/schema/index.js";
import { notConnected } from "../../integrations/qbo/errors.js";

/**
 * The one place that says which QuickBooks company a shop's links belong to
 * (docs/decisions/0007-links-belong-to-one-company.md). Features that write a link, or start
 * work that will, ask here and carry the answer with them.
 */
export interface LinkRealm {
  realmId: string;
  companyName: string;
}

export async function linkRealmOf(db: Db, shopId: string): Promise<LinkRealm | undefined> {
  const [row] = await db
    .select({
      realmId: quickBooksLinkRealms.realmId,
      companyName: quickBooksLinkRealms.companyName,
    })
    .from(quickBooksLinkRealms)
    .where(eq(quickBooksLinkRealms.shopId, shopId));
  return row;
}

/**
 * The company new work of this shop reads and links: the connected one, which connect keeps
 * equal to the links' company (a different one only ever arrives through the confirmed switch).
 */
export async function currentRealm(db: Db, shopId: string): Promise<string> {
  const [row] = await db
    .select({ realmId: quickBooksConnections.realmId })
    .from(quickBooksConnections)
    .innerJoin(
      quickBooksLinkRealms,
      sql`${quickBooksLinkRealms.shopId} = ${quickBooksConnections.shopId} and ${quickBooksLinkRealms.realmId} = ${quickBooksConnections.realmId}`,
    )
    .where(eq(quickBooksConnections.shopId, shopId));
  if (!row) throw notConnected();
  return row.realmId;
}

/** Records the company a shop's links belong to (first connect, or the confirmed switch). */
export async function bindLinkRealm(db: Db, shopId: string, realm: LinkRealm): Promise<void> {
  await db
    .insert(quickBooksLinkRealms)
    .values({ shopId, ...realm })
    .onConflictDoUpdate({
      target: quickBooksLinkRealms.shopId,
      set: { realmId: realm.realmId, companyName: realm.companyName, boundAt: sql`now()` },
    });
}

/**
 * A part that was linked to a company the shop has left is that company's record: an import
 * of the new company never matches it by part number (that would pour one company's item over
 * another's); the reconciliation assistant can still pair it, with the owner's confirmation.
 */
export const notLinkedBefore = sql`not exists (
  select 1 from quickbooks_link_history h
  where h.shop_id = ${parts.shopId} and h.entity = 'part' and h.record_id = ${parts.id})`;
