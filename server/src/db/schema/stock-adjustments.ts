import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAtColumn, decimal, idColumn, shopIdColumn, ts } from "./columns.js";
import { parts, stockMovements } from "./inventory.js";

/**
 * One Shopmonkey stock change on its way to QuickBooks as an InventoryAdjustment (issue 16).
 * Stored with the change, before QuickBooks is called, so the send survives a crash and is
 * made exactly once: the requestid is `<id>-<try>` (a retry after a definite refusal is a new
 * try, a retry after silence repeats the same one and Intuit replays its first answer).
 * `realm_id`/`item_ref` are the company and item the change was made against (decision 0007):
 * a switch of company stops what is still pending.
 */
export const stockAdjustments = pgTable(
  "quickbooks_stock_adjustments",
  {
    id: idColumn(),
    shopId: shopIdColumn(),
    partId: uuid("part_id")
      .notNull()
      .references(() => parts.id, { onDelete: "cascade" }),
    /** The stock movement this adjustment carries; none for a drift or reconciliation push. */
    movementId: uuid("movement_id").references(() => stockMovements.id, { onDelete: "cascade" }),
    origin: text("origin", { enum: ["count", "drift", "reconcile"] }).notNull(),
    realmId: text("realm_id").notNull(),
    itemRef: text("item_ref").notNull(),
    qtyDiff: decimal("qty_diff").notNull(),
    status: text("status", { enum: ["pending", "sent", "failed", "dropped"] }).notNull(),
    try: integer("try").notNull().default(1),
    attempts: integer("attempts").notNull().default(0),
    leaseUntil: ts("lease_until"),
    adjustmentId: text("adjustment_id"),
    errorCode: text("error_code"),
    error: text("error"),
    createdAt: createdAtColumn(),
    sentAt: ts("sent_at"),
  },
  (t) => [
    index("quickbooks_stock_adjustments_part").on(t.shopId, t.partId, t.createdAt),
    index("quickbooks_stock_adjustments_pending")
      .on(t.shopId, t.partId)
      .where(sql`${t.status} = 'pending'`),
  ],
);
