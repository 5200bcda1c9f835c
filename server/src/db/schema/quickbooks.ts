import { index, pgTable, text } from "drizzle-orm/pg-core";
import { shopIdColumn, ts } from "./columns.js";
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
});
