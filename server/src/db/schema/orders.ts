import type { CategoryItems, OrderLineKind } from "@app/shared";
import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  createdAtColumn,
  decimal,
  idColumn,
  shopIdColumn,
  ts,
  updatedAtColumn,
} from "./columns.js";
import { customers } from "./customers.js";
import { parts } from "./inventory.js";

/** Configure accounting: the QuickBooks item each sales category posts to, and auto-send. */
export const accountingSettings = pgTable("accounting_settings", {
  shopId: shopIdColumn().primaryKey(),
  categoryItems: jsonb("category_items").$type<Partial<CategoryItems>>().notNull(),
  autoSendInvoices: boolean("auto_send_invoices").notNull().default(false),
  /** The Expense/COGS account stock adjustments are booked against; null: the default one. */
  adjustmentAccountId: text("adjustment_account_id"),
  updatedAt: updatedAtColumn(),
  updatedBy: text("updated_by"),
});

/**
 * One QuickBooks write in progress for an order, stored before the call so a retry (or the
 * next process after a crash) repeats the very same write with the same `requestid`.
 */
export interface PendingQboWrite {
  op: "create" | "update";
  requestId: string;
  /** The order revision whose lines this write carries. */
  revision: number;
  body: Record<string, unknown>;
  /** Own-quantity reference shared with the sync (sync_own_writes.reference). */
  reference: string;
  /** The company the body's ids (customer, items) belong to; the write goes there or nowhere. */
  realmId?: string;
}

export const orders = pgTable(
  "orders",
  {
    id: idColumn(),
    shopId: shopIdColumn(),
    /** Per shop, from 1001; also the QuickBooks DocNumber. */
    number: integer("number").notNull(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id),
    status: text("status", { enum: ["open", "invoiced"] })
      .notNull()
      .default("open"),
    /** Bumped by every edit: QuickBooks is up to date when it holds this revision. */
    revision: integer("revision").notNull().default(1),
    total: decimal("total").notNull(),
    invoicedAt: ts("invoiced_at"),
    invoicedBy: text("invoiced_by"),
    qboStatus: text("qbo_status", {
      enum: ["not_sent", "pending", "sent", "failed", "out_of_date"],
    })
      .notNull()
      .default("not_sent"),
    /** The QuickBooks company `qboInvoiceId` and `qboPending` belong to. */
    qboRealmId: text("qbo_realm_id"),
    qboInvoiceId: text("qbo_invoice_id"),
    qboDocNumber: text("qbo_doc_number"),
    qboSentRevision: integer("qbo_sent_revision"),
    qboLastSentAt: ts("qbo_last_sent_at"),
    qboErrorCode: text("qbo_error_code"),
    qboError: text("qbo_error"),
    /** Transient failures of the current send; after too many the send is marked failed. */
    qboAttempts: integer("qbo_attempts").notNull().default(0),
    /** Counts logical writes, so a write refused by Intuit is retried under a new requestid. */
    qboWriteSeq: integer("qbo_write_seq").notNull().default(0),
    qboPending: jsonb("qbo_pending").$type<PendingQboWrite>(),
    /** A worker's lease on the order's QuickBooks writes (one writer per order at a time). */
    qboLeaseUntil: ts("qbo_lease_until"),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    uniqueIndex("orders_shop_number").on(t.shopId, t.number),
    index("orders_shop_updated").on(t.shopId, t.updatedAt),
    index("orders_qbo_pending")
      .on(t.qboStatus)
      .where(sql`${t.qboStatus} = 'pending'`),
  ],
);

export const orderLines = pgTable(
  "order_lines",
  {
    id: idColumn(),
    shopId: shopIdColumn(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: text("kind").$type<OrderLineKind>().notNull(),
    partId: uuid("part_id").references(() => parts.id),
    description: text("description").notNull(),
    quantity: decimal("quantity").notNull(),
    unitPrice: decimal("unit_price").notNull(),
    amount: decimal("amount").notNull(),
  },
  (t) => [uniqueIndex("order_lines_order_position").on(t.orderId, t.position)],
);

/** Per shop, the last order number handed out (a row lock serializes concurrent creates). */
export const orderNumbers = pgTable("order_numbers", {
  shopId: shopIdColumn().primaryKey(),
  last: integer("last").notNull(),
});
