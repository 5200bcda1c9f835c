import { index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn, shopIdColumn, updatedAtColumn } from "./columns.js";

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
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    uniqueIndex("customers_shop_qbo_ref").on(t.shopId, t.quickBooksCustomerRef),
    index("customers_shop_last_name").on(t.shopId, t.lastName),
  ],
);
