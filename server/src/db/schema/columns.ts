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
/** A timestamptz column read as a JS Date (the one timestamp shape every table uses). */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
export const createdAtColumn = () => ts("created_at").notNull().defaultNow();
export const updatedAtColumn = () => ts("updated_at").notNull().defaultNow();
/** Exact decimals: unconstrained numeric keeps "12.75" as written; strings in JS, never floats. */
export const decimal = (name: string) => numeric(name);
