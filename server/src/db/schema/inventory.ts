import { sql } from "drizzle-orm";
import { index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import {
  childShopIdColumn,
  createdAtColumn,
  decimal,
  idColumn,
  shopIdColumn,
  updatedAtColumn,
} from "./columns.js";
import { linkRealmConstraints } from "./link-realm.js";

export const vendors = pgTable(
  "vendors",
  {
    id: idColumn(),
    shopId: shopIdColumn(),
    name: text("name").notNull(),
    quickBooksVendorRef: text("quickbooks_vendor_ref"),
    quickBooksRealmId: text("quickbooks_realm_id"),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    ...linkRealmConstraints("vendors", t, t.quickBooksVendorRef),
    uniqueIndex("vendors_shop_qbo_ref").on(t.shopId, t.quickBooksVendorRef),
    index("vendors_shop_name").on(t.shopId, t.name),
  ],
);

/** kind: "inventory" tracks stock (quantity columns set); "non_inventory" leaves them null. */
export const parts = pgTable(
  "parts",
  {
    id: idColumn(),
    shopId: shopIdColumn(),
    kind: text("kind", { enum: ["inventory", "non_inventory"] }).notNull(),
    description: text("description").notNull(),
    note: text("note").notNull().default(""),
    partNumber: text("part_number").notNull().default(""),
    vendorId: uuid("vendor_id").references(() => vendors.id, { onDelete: "set null" }),
    cost: decimal("cost").notNull().default("0"),
    retailCost: decimal("retail_cost").notNull().default("0"),
    quantityAvailable: decimal("quantity_available"),
    criticalQuantity: decimal("critical_quantity"),
    quickBooksItemRef: text("quickbooks_item_ref"),
    /** The company the item reference belongs to (see link-realm.ts). */
    quickBooksRealmId: text("quickbooks_realm_id"),
    /**
     * What the list's search box looks in, lower-cased once at write time: LIKE on it is about
     * three times cheaper than ILIKE on the expression when a short term can't use the index.
     */
    searchText: text("search_text").generatedAlwaysAs(
      sql`lower(description || ' ' || part_number)`,
    ),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    ...linkRealmConstraints("parts", t, t.quickBooksItemRef),
    // One Shopmonkey part per QuickBooks item per shop: re-imports and retries can never duplicate.
    uniqueIndex("parts_shop_qbo_ref").on(t.shopId, t.quickBooksItemRef),
    index("parts_shop_part_number").on(t.shopId, sql`lower(btrim(${t.partNumber}))`),
    // The list pages through 100k parts by (shop, sort column, id): one index per sort key lets
    // PostgreSQL walk the order instead of sorting, and the id tiebreak keeps pages stable.
    // Migration 0006 rebuilds these seven with INCLUDE (kind, quickbooks_item_ref,
    // quantity_available, critical_quantity), which drizzle can't express: a deep page of a
    // filtered list is then an index-only scan. Migration 0018 adds search_text to the
    // description one (the default order), so a search there is index-only too. Keep the names
    // if you touch them.
    index("parts_shop_description").on(t.shopId, t.description, t.id),
    index("parts_shop_part_number_sort").on(t.shopId, t.partNumber, t.id),
    index("parts_shop_cost").on(t.shopId, t.cost, t.id),
    index("parts_shop_retail_cost").on(t.shopId, t.retailCost, t.id),
    index("parts_shop_quantity").on(t.shopId, t.quantityAvailable, t.id),
    // Descending quantity lists untracked (null) parts last, which a plain backward scan can't.
    index("parts_shop_quantity_desc").on(
      t.shopId,
      t.quantityAvailable.desc().nullsLast(),
      t.id.desc(),
    ),
    index("parts_shop_updated_at").on(t.shopId, t.updatedAt, t.id),
    index("parts_shop_vendor").on(t.shopId, t.vendorId),
    // Few parts are low on stock: a partial index finds them without reading the others.
    index("parts_shop_low_stock")
      .on(t.shopId)
      .where(sql`${t.quantityAvailable} <= ${t.criticalQuantity}`),
    // "Contains" search (LIKE '%term%' on the lower-cased text), case-insensitive.
    index("parts_search_text_trgm").using("gin", t.searchText.op("gin_trgm_ops")),
  ],
);

/** Every change of a part's quantity, with its reason (import, invoice, manual edit, quickbooks). */
export const stockMovements = pgTable(
  "stock_movements",
  {
    id: idColumn(),
    shopId: childShopIdColumn(),
    partId: uuid("part_id")
      .notNull()
      .references(() => parts.id, { onDelete: "cascade" }),
    delta: decimal("delta").notNull(),
    quantityAfter: decimal("quantity_after").notNull(),
    reason: text("reason", { enum: ["import", "invoice", "manual", "quickbooks"] }).notNull(),
    reference: text("reference"),
    createdAt: createdAtColumn(),
  },
  (t) => [index("stock_movements_part").on(t.shopId, t.partId, t.createdAt)],
);
