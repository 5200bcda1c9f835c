import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** A Shopmonkey shop (tenant). Created on first sight of its session; every tenant row points here. */
export const shops = pgTable("shops", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
});
