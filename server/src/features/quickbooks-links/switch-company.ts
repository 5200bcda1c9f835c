import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../db/client.js";
import {
  accountingSettings,
  customers,
  importJobs,
  orders,
  quickBooksExports,
  quickBooksLinkHistory,
  quickBooksLinkRealms,
  stockAdjustments,
  syncCursors,
  syncNotices,
  syncOwnWrites,
  syncPending,
  vendors,
} from "../../db/schema/index.js";
import { type LinkRealm, bindLinkRealm } from "./realm.repository.js";
import { unlinkAllParts } from "./item-link.js";

export const COMPANY_CHANGED = "quickbooks_company_changed";
const STOPPED = "Stopped: the shop switched to another QuickBooks company";

export interface LinkedCounts {
  parts: number;
  customers: number;
  vendors: number;
  categories: number;
}

/**
 * How much of the shop points at its links' company (what a switch would unlink). One
 * statement: the Connection tab and the banner ask on every page load.
 */
export async function linkedCounts(db: Db, shopId: string): Promise<LinkedCounts> {
  const [row] = rowsOf<
    Omit<LinkedCounts, "categories"> & { items: Record<string, unknown> | null }
  >(
    await db.execute(sql`
      select
        (select count(*)::int from parts
          where shop_id = ${shopId} and quickbooks_item_ref is not null) as parts,
        (select count(*)::int from customers
          where shop_id = ${shopId} and quickbooks_customer_ref is not null) as customers,
        (select count(*)::int from vendors
          where shop_id = ${shopId} and quickbooks_vendor_ref is not null) as vendors,
        (select category_items from accounting_settings where shop_id = ${shopId}) as items`),
  );
  const categories = Object.values(row?.items ?? {}).filter(Boolean).length;
  return {
    parts: row?.parts ?? 0,
    customers: row?.customers ?? 0,
    vendors: row?.vendors ?? 0,
    categories,
  };
}

export const hasLinks = (c: LinkedCounts) => c.parts + c.customers + c.vendors + c.categories > 0;

/**
 * Moves the shop to another QuickBooks company, in the caller's transaction: the old company's
 * links become history (records stay), everything queued for it stops, and only then does the
 * links' company change. The foreign key from every link to `quickbooks_link_realms` makes the
 * last step fail if any link of the old company were left behind, and it waits for (or fails)
 * any import page still writing links of the old company at this moment.
 */
export async function switchCompany(
  tx: Db,
  shopId: string,
  to: LinkRealm,
  by: string,
): Promise<void> {
  const [from] = await tx
    .select({ realmId: quickBooksLinkRealms.realmId })
    .from(quickBooksLinkRealms)
    .where(eq(quickBooksLinkRealms.shopId, shopId))
    .for("update");
  const switching = from !== undefined && from.realmId !== to.realmId;
  if (switching) {
    await unlinkAll(tx, shopId, from.realmId, by);
    await stopWork(tx, shopId);
  }
  await bindLinkRealm(tx, shopId, to);
  if (switching) await restoreLinks(tx, shopId, to.realmId);
}

const TABLES = [
  { entity: "part", table: "parts", ref: "quickbooks_item_ref" },
  { entity: "customer", table: "customers", ref: "quickbooks_customer_ref" },
  { entity: "vendor", table: "vendors", ref: "quickbooks_vendor_ref" },
] as const;

/**
 * Back to a company the shop used before (an accidental switch undone): its links come back
 * from history, as they were, for every record still there. Baselines start afresh.
 */
async function restoreLinks(tx: Db, shopId: string, realmId: string): Promise<void> {
  for (const { entity, table, ref } of TABLES) {
    await tx.execute(sql`
      with latest as (
        select distinct on (record_id) record_id, quickbooks_id from quickbooks_link_history
        where shop_id = ${shopId} and entity = ${entity} and realm_id = ${realmId}
        order by record_id, unlinked_at desc
      )
      update ${sql.raw(table)} t
      set ${sql.raw(ref)} = l.quickbooks_id, quickbooks_realm_id = ${realmId}, updated_at = now()
      from latest l
      where t.id = l.record_id and t.shop_id = ${shopId} and t.${sql.raw(ref)} is null`);
    await tx.execute(sql`
      delete from quickbooks_link_history h using ${sql.raw(table)} t
      where h.shop_id = ${shopId} and h.entity = ${entity} and h.realm_id = ${realmId}
        and t.id = h.record_id and t.${sql.raw(ref)} = h.quickbooks_id
        and t.quickbooks_realm_id = ${realmId}`);
  }
  const mapped = rowsOf<{ key: string; id: string }>(
    await tx.execute(sql`
      select distinct on (record_key) record_key as key, quickbooks_id as id
      from quickbooks_link_history
      where shop_id = ${shopId} and entity = 'category' and realm_id = ${realmId}
      order by record_key, unlinked_at desc`),
  );
  if (mapped.length === 0) return;
  await tx
    .update(accountingSettings)
    .set({ categoryItems: Object.fromEntries(mapped.map((m) => [m.key, m.id])) })
    .where(eq(accountingSettings.shopId, shopId));
  await tx
    .delete(quickBooksLinkHistory)
    .where(
      and(
        eq(quickBooksLinkHistory.shopId, shopId),
        eq(quickBooksLinkHistory.entity, "category"),
        eq(quickBooksLinkHistory.realmId, realmId),
      ),
    );
}

async function unlinkAll(tx: Db, shopId: string, realmId: string, by: string): Promise<void> {
  const history = (entity: string, table: string, ref: string) => sql`
    insert into quickbooks_link_history (shop_id, entity, record_id, realm_id, quickbooks_id, unlinked_by)
    select shop_id, ${entity}, id, ${realmId}, ${sql.raw(ref)}, ${by}
    from ${sql.raw(table)} where shop_id = ${shopId} and ${sql.raw(ref)} is not null`;
  await tx.execute(history("part", "parts", "quickbooks_item_ref"));
  await tx.execute(history("customer", "customers", "quickbooks_customer_ref"));
  await tx.execute(history("vendor", "vendors", "quickbooks_vendor_ref"));
  const cleared = { quickBooksRealmId: null, updatedAt: sql`now()` };
  await unlinkAllParts(tx, shopId);
  await tx
    .update(customers)
    .set({ quickBooksCustomerRef: null, ...cleared })
    .where(and(eq(customers.shopId, shopId), isNotNull(customers.quickBooksCustomerRef)));
  await tx
    .update(vendors)
    .set({ quickBooksVendorRef: null, ...cleared })
    .where(and(eq(vendors.shopId, shopId), isNotNull(vendors.quickBooksVendorRef)));
  // The sales-category mapping names the old company's items too.
  const [settings] = await tx
    .select({ items: accountingSettings.categoryItems })
    .from(accountingSettings)
    .where(eq(accountingSettings.shopId, shopId));
  const mapped = Object.entries(settings?.items ?? {}).filter(([, id]) => Boolean(id));
  if (mapped.length > 0) {
    await tx.insert(quickBooksLinkHistory).values(
      mapped.map(([key, id]) => ({
        shopId,
        entity: "category" as const,
        recordKey: key,
        realmId,
        quickBooksId: String(id),
        unlinkedBy: by,
      })),
    );
    await tx
      .update(accountingSettings)
      .set({ categoryItems: {}, adjustmentAccountId: null, updatedAt: sql`now()`, updatedBy: by })
      .where(eq(accountingSettings.shopId, shopId));
  }
}

/** Nothing queued for the old company runs against the new one. */
async function stopWork(tx: Db, shopId: string): Promise<void> {
  await tx
    .update(importJobs)
    .set({
      status: "failed",
      errorCode: COMPANY_CHANGED,
      errorMessage: STOPPED,
      finishedAt: sql`now()`,
      workerId: null,
    })
    .where(and(eq(importJobs.shopId, shopId), inArray(importJobs.status, ["queued", "running"])));
  await tx
    .update(quickBooksExports)
    .set({ status: "failed", errorMessage: STOPPED, finishedAt: sql`now()` })
    .where(
      and(
        eq(quickBooksExports.shopId, shopId),
        inArray(quickBooksExports.status, ["queued", "running"]),
      ),
    );
  await tx
    .update(orders)
    .set({
      qboStatus: "failed",
      qboErrorCode: COMPANY_CHANGED,
      qboError: STOPPED,
      qboPending: null,
      qboLeaseUntil: null,
    })
    .where(and(eq(orders.shopId, shopId), eq(orders.qboStatus, "pending")));
  // Stock adjustments name the old company's items: never sent to the new one, and no longer
  // retried (a failed one would be retried into the wrong books). The stock movements stay.
  await tx
    .update(stockAdjustments)
    .set({ status: "dropped", errorCode: COMPANY_CHANGED, error: STOPPED, leaseUntil: null })
    .where(
      and(
        eq(stockAdjustments.shopId, shopId),
        inArray(stockAdjustments.status, ["pending", "failed"]),
      ),
    );
  // Sync state is per item of the old company: baselines (gone with the links), own writes,
  // queued webhook work and the change-data-capture watermark all start afresh for the new one.
  await tx.delete(syncOwnWrites).where(eq(syncOwnWrites.shopId, shopId));
  await tx.delete(syncPending).where(eq(syncPending.shopId, shopId));
  await tx.delete(syncCursors).where(eq(syncCursors.shopId, shopId));
  await tx
    .update(syncNotices)
    .set({ status: "unlinked", resolvedAt: sql`now()`, resolvedBy: "company switch" })
    .where(and(eq(syncNotices.shopId, shopId), eq(syncNotices.status, "open")));
}
