import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAtColumn, decimal, idColumn, shopIdColumn, ts } from "./columns.js";
import { parts } from "./inventory.js";

/**
 * What we last accounted for of each linked QuickBooks item. `syncToken` grows on every write
 * at Intuit (docs/quickbooks.md §4.6), so it orders reads: an older or repeated read never wins.
 * `qboQuantity` is the baseline QuickBooks' quantity changes are measured from.
 */
export const syncItemState = pgTable(
  "sync_item_state",
  {
    shopId: shopIdColumn(),
    itemRef: text("item_ref").notNull(),
    syncToken: integer("sync_token"),
    qboQuantity: decimal("qbo_quantity"),
    qboUpdatedAt: ts("qbo_updated_at"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.itemRef] })],
);

/**
 * Quantity changes Shopmonkey itself makes in QuickBooks (an invoice's lines): when the item
 * update comes back, this part of QuickBooks' change was already applied here.
 * in_flight → the write may or may not have landed yet, so the item waits.
 */
export const syncOwnWrites = pgTable(
  "sync_own_writes",
  {
    id: idColumn(),
    shopId: shopIdColumn(),
    itemRef: text("item_ref").notNull(),
    quantityDelta: decimal("quantity_delta").notNull(),
    reference: text("reference").notNull(),
    status: text("status", { enum: ["in_flight", "sent", "consumed", "failed"] }).notNull(),
    createdAt: createdAtColumn(),
    sentAt: ts("sent_at"),
  },
  (t) => [index("sync_own_writes_item").on(t.shopId, t.itemRef, t.status)],
);

/** Work keyed by (shop, entity, id): a batch, a retry or a replay of one change is one row. */
export const syncPending = pgTable(
  "sync_pending",
  {
    shopId: shopIdColumn(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    /** The company the event came from: work for a company the shop left is dropped, never read. */
    realmId: text("realm_id"),
    /** Bumped by every event, so work finished on an older read leaves the row for a re-read. */
    version: integer("version").notNull().default(1),
    receivedAt: ts("received_at").notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.entity, t.entityId] })],
);

/** Per shop: the change-data-capture watermark (QuickBooks' own `time`), kept across restarts. */
export const syncCursors = pgTable("sync_cursors", {
  shopId: text("shop_id").primaryKey(),
  realmId: text("realm_id").notNull(),
  changedSince: ts("changed_since").notNull(),
  /** The connection this cursor belongs to: a reconnect (new connectedAt) triggers a catch-up. */
  connectedAt: ts("connected_at").notNull(),
  lastCatchUpAt: ts("last_catch_up_at"),
  lastError: text("last_error"),
});

/** "Keep in sync" per category; no row = on once the category has been imported. */
export const syncSettings = pgTable(
  "sync_settings",
  {
    shopId: shopIdColumn(),
    category: text("category", { enum: ["inventory", "non_inventory"] }).notNull(),
    keepInSync: boolean("keep_in_sync").notNull(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.category] })],
);

/** What each change received from QuickBooks did to a part (the "last change" line and log). */
export const syncChanges = pgTable(
  "sync_changes",
  {
    id: idColumn(),
    shopId: shopIdColumn(),
    partId: uuid("part_id").references(() => parts.id, { onDelete: "set null" }),
    itemRef: text("item_ref").notNull(),
    name: text("name").notNull(),
    source: text("source", { enum: ["webhook", "catch_up", "drift_fix"] }).notNull(),
    changes: jsonb("changes").$type<{ field: string; from: string; to: string }[]>().notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [index("sync_changes_shop_created").on(t.shopId, t.createdAt)],
);

/** A linked item deleted or made inactive in QuickBooks, until someone unlinks or keeps it. */
export const syncNotices = pgTable(
  "sync_notices",
  {
    id: idColumn(),
    shopId: shopIdColumn(),
    partId: uuid("part_id")
      .notNull()
      .references(() => parts.id, { onDelete: "cascade" }),
    itemRef: text("item_ref").notNull(),
    kind: text("kind", { enum: ["deleted", "inactive", "merged"] }).notNull(),
    /** Merged only: the surviving item, already linked to another part (the shop chooses). */
    mergedIntoRef: text("merged_into_ref"),
    status: text("status", { enum: ["open", "unlinked", "kept"] }).notNull(),
    createdAt: createdAtColumn(),
    resolvedAt: ts("resolved_at"),
    resolvedBy: text("resolved_by"),
  },
  (t) => [
    // One notice per part and kind: a repeated event or a later catch-up never re-asks.
    uniqueIndex("sync_notices_part_kind").on(t.shopId, t.partId, t.kind),
    index("sync_notices_open")
      .on(t.shopId)
      .where(sql`${t.status} = 'open'`),
  ],
);

/** Digests of accepted webhook bodies: an identical delivery replayed later is a no-op. */
export const syncWebhookDeliveries = pgTable("sync_webhook_deliveries", {
  digest: text("digest").primaryKey(),
  receivedAt: ts("received_at").notNull().defaultNow(),
});

/**
 * One row per drift check (a drift report run): how many linked parts differed from QuickBooks,
 * out of how many compared. The Health page draws them.
 */
export const syncDriftChecks = pgTable(
  "sync_drift_checks",
  {
    id: idColumn(),
    shopId: shopIdColumn(),
    realmId: text("realm_id").notNull(),
    checked: integer("checked").notNull(),
    found: integer("found").notNull(),
    checkedAt: ts("checked_at").notNull().defaultNow(),
  },
  (t) => [index("sync_drift_checks_shop_at").on(t.shopId, t.checkedAt)],
);
