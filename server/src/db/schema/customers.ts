import { type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, shopIdColumn, updatedAtColumn } from "./columns.js";
import { linkRealmConstraints } from "./link-realm.js";

type NameColumns = { firstName: AnyPgColumn; lastName: AnyPgColumn; companyName: AnyPgColumn };

/** People sort by last then first name; a company-only customer sorts by its company name. */
export const customerSortName = (t: NameColumns): SQL =>
  sql`lower(case when ${t.lastName} <> '' or ${t.firstName} <> '' then ${t.lastName} || ' ' || ${t.firstName} else ${t.companyName} end)`;

/** What the customers search box looks in; first + last name are adjacent, so "Ana Lopez" matches. */
export const customerSearchText = (
  t: NameColumns & { email: AnyPgColumn; phone: AnyPgColumn },
): SQL =>
  sql`${t.firstName} || ' ' || ${t.lastName} || ' ' || ${t.companyName} || ' ' || ${t.email} || ' ' || ${t.phone}`;

export const customers = pgTable(
  "customers",
  {
    id: idColumn(),
    shopId: shopIdColumn(),
    firstName: text("first_name").notNull().default(""),
    lastName: text("last_name").notNull().default(""),
    companyName: text("company_name").notNull().default(""),
    email: text("email").notNull().default(""),
    phone: text("phone").notNull().default(""),
    address1: text("address1").notNull().default(""),
    address2: text("address2").notNull().default(""),
    city: text("city").notNull().default(""),
    state: text("state").notNull().default(""),
    postalCode: text("postal_code").notNull().default(""),
    country: text("country").notNull().default(""),
    note: text("note").notNull().default(""),
    quickBooksCustomerRef: text("quickbooks_customer_ref"),
    quickBooksRealmId: text("quickbooks_realm_id"),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    ...linkRealmConstraints("customers", t, t.quickBooksCustomerRef),
    uniqueIndex("customers_shop_qbo_ref").on(t.shopId, t.quickBooksCustomerRef),
    index("customers_shop_last_name").on(t.shopId, t.lastName),
    index("customers_shop_sort_name").on(t.shopId, customerSortName(t), t.id),
    index("customers_search_trgm").using("gin", sql`(${customerSearchText(t)}) gin_trgm_ops`),
  ],
);
