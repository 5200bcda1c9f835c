import { date, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { shopIdColumn, ts } from "./columns.js";

/**
 * QuickBooks calls per company and day, as the BFF made them (integrations/qbo/client.ts counts,
 * a flusher adds its totals here every few seconds). Intuit meters reads per company per month.
 */
export const qboCallCounts = pgTable(
  "qbo_call_counts",
  {
    realmId: text("realm_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    reads: integer("reads").notNull().default(0),
    writes: integer("writes").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.realmId, t.day] })],
);

/** Problems someone dismissed on the Health page (ids name one occurrence, e.g. a revision). */
export const healthDismissals = pgTable(
  "health_dismissals",
  {
    shopId: shopIdColumn(),
    problemId: text("problem_id").notNull(),
    dismissedAt: ts("dismissed_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.problemId] })],
);
