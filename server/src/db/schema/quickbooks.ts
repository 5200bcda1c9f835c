import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { idColumn, shopIdColumn, ts } from "./columns.js";
import { shops } from "./shops.js";

/**
 * One QuickBooks company per shop. Tokens are AES-256-GCM sealed (lib/crypto.ts); the row is
 * also the cross-process lock for token refresh (SELECT … FOR UPDATE, then re-read).
 */
export const quickBooksConnections = pgTable(
  "quickbooks_connections",
  {
    shopId: text("shop_id")
      .primaryKey()
      .references(() => shops.id, { onDelete: "cascade" }),
    realmId: text("realm_id").notNull(),
    companyName: text("company_name").notNull().default(""),
    status: text("status", { enum: ["connected", "needs_reconnect", "disconnected"] }).notNull(),
    accessTokenSealed: text("access_token_sealed").notNull(),
    refreshTokenSealed: text("refresh_token_sealed").notNull(),
    accessTokenExpiresAt: ts("access_token_expires_at").notNull(),
    refreshTokenExpiresAt: ts("refresh_token_expires_at").notNull(),
    connectedAt: ts("connected_at").notNull(),
    connectedBy: text("connected_by").notNull(),
    lastRefreshedAt: ts("last_refreshed_at"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("quickbooks_connections_realm").on(t.realmId)],
);

/** OAuth `state`: random, bound to one shop and user, single use, 10 minutes. Stored hashed. */
export const quickBooksOAuthStates = pgTable("quickbooks_oauth_states", {
  stateHash: text("state_hash").primaryKey(),
  shopId: shopIdColumn(),
  userId: text("user_id").notNull(),
  userName: text("user_name").notNull(),
  expiresAt: ts("expires_at").notNull(),
  usedAt: ts("used_at"),
  createdAt: ts("created_at").notNull().defaultNow(),
  /**
   * Hash of the random value our `/oauth/start` put in a first-party cookie of the browser that
   * opened the consent popup: the callback must come back in that browser (docs/api.md).
   */
  bindingHash: text("binding_hash"),
});

/**
 * The QuickBooks company (realm) a shop's links belong to: every part, customer and vendor link
 * references this row by (shop_id, realm_id), so a link can only ever be written for the company
 * recorded here, and the row cannot move to another company while one link still points at it
 * (the switch unlinks first, in the same transaction). Outlives a disconnect on purpose: the
 * next connect compares against it.
 */
export const quickBooksLinkRealms = pgTable(
  "quickbooks_link_realms",
  {
    shopId: text("shop_id")
      .primaryKey()
      .references(() => shops.id, { onDelete: "cascade" }),
    realmId: text("realm_id").notNull(),
    companyName: text("company_name").notNull().default(""),
    boundAt: ts("bound_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("quickbooks_link_realms_shop_realm").on(t.shopId, t.realmId)],
);

/**
 * A grant for ANOTHER company than the shop's links, waiting for the owner to confirm the
 * switch (or cancel it, which revokes it at Intuit). The connection in use is untouched meanwhile.
 */
export const quickBooksPendingSwitches = pgTable("quickbooks_pending_switches", {
  shopId: text("shop_id")
    .primaryKey()
    .references(() => shops.id, { onDelete: "cascade" }),
  realmId: text("realm_id").notNull(),
  companyName: text("company_name").notNull().default(""),
  accessTokenSealed: text("access_token_sealed").notNull(),
  refreshTokenSealed: text("refresh_token_sealed").notNull(),
  accessTokenExpiresAt: ts("access_token_expires_at").notNull(),
  refreshTokenExpiresAt: ts("refresh_token_expires_at").notNull(),
  requestedBy: text("requested_by").notNull(),
  createdAt: ts("created_at").notNull().defaultNow(),
  expiresAt: ts("expires_at").notNull(),
});

/** Links of a company the shop switched away from: kept as history, never used again. */
export const quickBooksLinkHistory = pgTable(
  "quickbooks_link_history",
  {
    id: idColumn(),
    shopId: shopIdColumn(),
    entity: text("entity", { enum: ["part", "customer", "vendor", "category"] }).notNull(),
    recordId: uuid("record_id"),
    /** For a category mapping: the sales category key. */
    recordKey: text("record_key"),
    realmId: text("realm_id").notNull(),
    quickBooksId: text("quickbooks_id").notNull(),
    unlinkedAt: ts("unlinked_at").notNull().defaultNow(),
    unlinkedBy: text("unlinked_by").notNull(),
  },
  (t) => [index("quickbooks_link_history_shop").on(t.shopId, t.unlinkedAt)],
);

/**
 * Intuit's per-company limits across processes (integrations/qbo/shared-limiter.ts, decision
 * 0005): one row per QuickBooks call taken, on the database's clock. Used only with PostgreSQL.
 */
export const qboCallSlots = pgTable(
  "qbo_call_slots",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    realmId: text("realm_id").notNull(),
    holder: integer("holder").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    leaseUntil: timestamp("lease_until", { withTimezone: true }).notNull(),
  },
  (t) => [index("qbo_call_slots_realm_started").on(t.realmId, t.startedAt)],
);
