import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { vendors } from "../../db/schema/index.js";

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
