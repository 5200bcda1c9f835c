import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { vendors } from "../../db/schema/index.js";
import type { QboClient } from "../../integrations/qbo/client.js";
import { isFault } from "../../integrations/qbo/errors.js";
import type { Logger } from "../../lib/logger.js";

const quote = (s: string) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
/** DisplayName may not contain a colon, tab or newline, and is at most 500 characters. */
const displayNameOf = (name: string) =>
  name
    .replace(/[:\t\n]/g, " ")
    .trim()
    .slice(0, 500);

/**
 * The QuickBooks vendor of each of these Shopmonkey vendors, so an item we create carries its
 * PrefVendorRef and the next import reads the same vendor back instead of "no vendor". A vendor
 * already linked keeps its ref; else QuickBooks' vendor of that DisplayName is linked; else one
 * is created (its requestid derived from our vendor, so a retry replays). A vendor that cannot
 * be had (its name belongs to a customer there) is left out: the item is created without it,
 * and our part keeps its vendor.
 */
export async function ensureQuickBooksVendors(
  db: Db,
  client: QboClient,
  shopId: string,
  /** The company the refs belong to (the client must be held to it). */
  realmId: string,
  vendorIds: readonly (string | null)[],
  logger?: Logger,
): Promise<Map<string, string>> {
  const ids = [...new Set(vendorIds.filter((v): v is string => v !== null))];
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      id: vendors.id,
      name: vendors.name,
      ref: vendors.quickBooksVendorRef,
      realmId: vendors.quickBooksRealmId,
    })
    .from(vendors)
    .where(and(eq(vendors.shopId, shopId), inArray(vendors.id, ids)));
  for (const v of rows) {
    if (v.ref && v.realmId === realmId) {
      out.set(v.id, v.ref);
      continue;
    }
    const name = displayNameOf(v.name);
    if (!name) continue;
    try {
      const ref =
        (await findVendor(client, shopId, name)) ??
        (await createVendor(client, shopId, v.id, name));
      out.set(v.id, await link(db, shopId, realmId, v.id, ref));
    } catch (err) {
      if (!isFault(err)) throw err;
      logger?.warn({ shopId, vendorId: v.id, code: err.details.code }, "vendor not in QuickBooks");
    }
  }
  return out;
}

async function findVendor(client: QboClient, shopId: string, name: string) {
  const res = await client.call<{ QueryResponse?: { Vendor?: { Id: string }[] } }>(shopId, {
    method: "GET",
    path: "query",
    query: { query: `select * from Vendor where DisplayName = ${quote(name)}` },
  });
  return res.QueryResponse?.Vendor?.[0]?.Id;
}

async function createVendor(client: QboClient, shopId: string, vendorId: string, name: string) {
  const res = await client.call<{ Vendor: { Id: string } }>(shopId, {
    method: "POST",
    path: "vendor",
    body: { DisplayName: name },
    requestId: `vendor-${vendorId}`,
  });
  return res.Vendor.Id;
}

/**
 * First link wins. Another of our vendors may already carry this ref (two spellings of one
 * supplier): the item still points at QuickBooks' vendor, our row stays as it is.
 */
async function link(
  db: Db,
  shopId: string,
  realmId: string,
  id: string,
  ref: string,
): Promise<string> {
  const [taken] = await db
    .select({ id: vendors.id })
    .from(vendors)
    .where(and(eq(vendors.shopId, shopId), eq(vendors.quickBooksVendorRef, ref)));
  if (!taken)
    await db
      .update(vendors)
      .set({ quickBooksVendorRef: ref, quickBooksRealmId: realmId })
      .where(
        and(eq(vendors.shopId, shopId), eq(vendors.id, id), isNull(vendors.quickBooksVendorRef)),
      );
  return ref;
}
