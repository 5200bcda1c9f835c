import { and, asc, eq, ilike, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { vendors } from "../../db/schema/index.js";
import { containsPattern } from "../../lib/sql-text.js";

/**
 * The shop's vendor with this name (trimmed, case-insensitive), else a new one. A vendor the
 * import created from QuickBooks is reused, so a hand-made part can share it.
 */
export async function findOrCreateVendor(db: Db, shopId: string, name: string): Promise<string> {
  const [found] = await db
    .select({ id: vendors.id })
    .from(vendors)
    .where(and(eq(vendors.shopId, shopId), sql`lower(btrim(${vendors.name})) = lower(${name})`))
    .orderBy(asc(vendors.createdAt), asc(vendors.id))
    .limit(1);
  if (found) return found.id;
  const [created] = await db.insert(vendors).values({ shopId, name }).returning({ id: vendors.id });
  if (!created) throw new Error("vendor insert returned no row");
  return created.id;
}

/** A shop has hundreds of vendors at most: a scan of its own is cheaper than any index. */
export async function vendorIdsMatching(db: Db, shopId: string, term: string): Promise<string[]> {
  const rows = await db
    .select({ id: vendors.id })
    .from(vendors)
    .where(and(eq(vendors.shopId, shopId), ilike(vendors.name, containsPattern(term))));
  return rows.map((r) => r.id);
}
