import { sql } from "drizzle-orm";
import { numeric, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { shops } from "./shops.js";

/** Shared column builders: every tenant row carries its shop, uuid ids and timestamps. */
export const idColumn = () =>
  uuid("id")
    .primaryKey()
    .default(sql`gen_random_uuid()`);
export const shopIdColumn = () =>
  text("shop_id")
    .notNull()
    .references(() => shops.id, { onDelete: "cascade" });
/**
 * The shop of a row that hangs off a parent row of the same shop (a part's stock movement, a
 * run's import record): the parent's foreign key ties it to the shop, and deleting the shop
 * reaches it through the parent's cascade. A second key to `shops` would be checked once more
 * for every row an import writes (docs/performance.md, "Where the time goes").
 */
export const childShopIdColumn = () => text("shop_id").notNull();
/** A timestamptz column read as a JS Date (the one timestamp shape every table uses). */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
export const createdAtColumn = () => ts("created_at").notNull().defaultNow();
export const updatedAtColumn = () => ts("updated_at").notNull().defaultNow();
/** Exact decimals: unconstrained numeric keeps "12.75" as written; strings in JS, never floats. */
export const decimal = (name: string) => numeric(name);
