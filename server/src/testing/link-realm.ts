import type { Db } from "../db/client.js";
import { linkRealmOf, bindLinkRealm } from "../features/quickbooks-links/realm.repository.js";

/**
 * For fixtures that write a link straight into a table: the company the shop's links belong
 * to (the connected one, once connected), or a stand-in company for a shop that never
 * connected. The database refuses a link without its company, as it should.
 */
export async function linkRealmForTests(db: Db, shopId: string): Promise<string> {
  const known = await linkRealmOf(db, shopId);
  if (known) return known.realmId;
  await bindLinkRealm(db, shopId, { realmId: "fixture-company", companyName: "Fixture company" });
  return "fixture-company";
}
