import { sql } from "drizzle-orm";
import { type AnyPgColumn, check, foreignKey } from "drizzle-orm/pg-core";
import { quickBooksLinkRealms } from "./quickbooks.js";

/**
 * Every QuickBooks link (a part's item, a customer, a vendor) names its company. QuickBooks ids
 * are small per-company integers, so an id without its company is meaningless; the database
 * itself refuses (1) a reference without a company and (2) a company other than the one the
 * shop's links belong to (`quickbooks_link_realms`). The foreign key's lock also serialises a
 * link written by a running import with a company switch: one of the two waits, and the loser
 * fails instead of writing company A's id under company B (docs/decisions/0007-links-belong-to-one-company.md).
 */
export function linkRealmConstraints(
  table: string,
  t: { shopId: AnyPgColumn; quickBooksRealmId: AnyPgColumn },
  ref: AnyPgColumn,
) {
  return [
    check(`${table}_qbo_ref_has_realm`, sql`(${ref} is null) = (${t.quickBooksRealmId} is null)`),
    foreignKey({
      name: `${table}_qbo_link_realm`,
      columns: [t.shopId, t.quickBooksRealmId],
      foreignColumns: [quickBooksLinkRealms.shopId, quickBooksLinkRealms.realmId],
    }),
  ];
}
