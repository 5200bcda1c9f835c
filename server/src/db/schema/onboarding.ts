import type { ErrorReason, ReasonParams } from "@app/shared";
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
import { createdAtColumn, idColumn, shopIdColumn, ts } from "./columns.js";
import { parts } from "./inventory.js";

const SITUATIONS = ["brand_new", "quickbooks_only", "shopmonkey_only", "both"] as const;

/** "Where to start": one choice per shop, changeable, with who and when. */
export const startingSituations = pgTable("starting_situations", {
  shopId: shopIdColumn().primaryKey(),
  situation: text("situation", { enum: SITUATIONS }).notNull(),
  chosenBy: text("chosen_by").notNull(),
  chosenById: text("chosen_by_id").notNull(),
  chosenAt: ts("chosen_at").notNull().defaultNow(),
});

/** A support conversation opened from the two situations where Shopmonkey offers chat. */
export const supportRequests = pgTable(
  "support_requests",
  {
    id: idColumn(),
    shopId: shopIdColumn(),
    situation: text("situation", { enum: SITUATIONS }),
    message: text("message").notNull(),
    createdBy: text("created_by").notNull(),
    createdById: text("created_by_id").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [index("support_requests_shop").on(t.shopId, t.createdAt)],
);

/**
 * One "create these parts in QuickBooks" run. The plan (which part goes in which batch) is
 * frozen when the export is created, so batch n always carries the same parts and its
 * `requestid` replay at Intuit makes a retried or resumed batch create nothing twice.
 */
export const quickBooksExports = pgTable(
  "quickbooks_exports",
  {
    id: idColumn(),
    shopId: shopIdColumn(),
    status: text("status", { enum: ["queued", "running", "succeeded", "failed"] }).notNull(),
    /** The QuickBooks company the parts are created in; a switch of company ends the export. */
    realmId: text("realm_id"),
    total: integer("total").notNull(),
    processed: integer("processed").notNull().default(0),
    created: integer("created").notNull().default(0),
    linked: integer("linked").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    batches: integer("batches").notNull(),
    /** Batches before this one are committed (their parts linked, outcomes written). */
    nextBatch: integer("next_batch").notNull().default(0),
    errorMessage: text("error_message"),
    /** Run the Inventory and Non-inventory imports once this export ends (reconciliation). */
    thenImport: boolean("then_import").notNull().default(false),
    requestedBy: text("requested_by").notNull(),
    requestedById: text("requested_by_id").notNull(),
    createdAt: createdAtColumn(),
    finishedAt: ts("finished_at"),
    leaseExpiresAt: ts("lease_expires_at").notNull().defaultNow(),
  },
  (t) => [
    index("quickbooks_exports_shop_created").on(t.shopId, t.createdAt),
    // One live export per shop: two would race to create the same parts.
    uniqueIndex("quickbooks_exports_one_live")
      .on(t.shopId)
      .where(sql`${t.status} in ('queued', 'running')`),
  ],
);

export const quickBooksExportItems = pgTable(
  "quickbooks_export_items",
  {
    exportId: uuid("export_id")
      .notNull()
      .references(() => quickBooksExports.id, { onDelete: "cascade" }),
    partId: uuid("part_id")
      .notNull()
      .references(() => parts.id, { onDelete: "cascade" }),
    shopId: shopIdColumn(),
    /** Position in the frozen plan; batch = floor(seq / 30). */
    seq: integer("seq").notNull(),
    batch: integer("batch"),
    description: text("description").notNull(),
    partNumber: text("part_number").notNull(),
    outcome: text("outcome", { enum: ["pending", "created", "linked", "skipped"] }).notNull(),
    /** English, for scripts; the web says `reason_code` + `reason_params` (an ErrorReason). */
    reason: text("reason"),
    reasonCode: text("reason_code"),
    reasonParams: jsonb("reason_params").$type<ReasonParams>(),
    quickBooksId: text("quickbooks_id"),
  },
  (t) => [
    primaryKey({ columns: [t.exportId, t.partId] }),
    index("quickbooks_export_items_batch").on(t.exportId, t.batch, t.seq),
  ],
);

/** `reason` is English; `code` + `params` (added later: older runs lack them) are what the web says. */
export interface ReconciliationSkip {
  partId: string;
  reason: string;
  code?: ErrorReason;
  params?: ReasonParams;
}

export interface ReconciliationNote {
  partId: string;
  message: string;
  reason?: ErrorReason;
  params?: ReasonParams;
  importFollows?: boolean;
}

/** The assistant's applied runs, kept as history with their counts. */
export const reconciliationRuns = pgTable(
  "reconciliation_runs",
  {
    id: idColumn(),
    shopId: shopIdColumn(),
    linked: integer("linked").notNull(),
    alreadyLinked: integer("already_linked").notNull(),
    skipped: jsonb("skipped").$type<ReconciliationSkip[]>().notNull(),
    quantityNotes: jsonb("quantity_notes").$type<ReconciliationNote[]>().notNull(),
    exportId: uuid("export_id"),
    importsQueued: boolean("imports_queued").notNull().default(false),
    createdBy: text("created_by").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [index("reconciliation_runs_shop").on(t.shopId, t.createdAt)],
);

export interface ReconciliationCounts {
  linked: number;
  proposed: number;
  ambiguous: number;
  onlyInQuickBooks: number;
  onlyInShopmonkey: number;
  /** Proposed pairs differing in a value the owner chooses between; in quantity. */
  differing: number;
  quantityDiffers: number;
}

export const RECONCILIATION_SECTIONS = [
  "linked",
  "proposed",
  "ambiguous",
  "onlyInQuickBooks",
  "onlyInShopmonkey",
] as const;

/**
 * The reconciliation assistant's proposal, computed once from both sides and served page by
 * page until a refresh or an apply replaces it. One ready proposal per shop; a new one is
 * written beside it (not ready) and takes its place in one short transaction.
 */
export const reconciliationProposals = pgTable(
  "reconciliation_proposals",
  {
    id: idColumn(),
    shopId: shopIdColumn(),
    /** The QuickBooks company it was computed from; another company's proposal is never served. */
    realmId: text("realm_id").notNull(),
    /** When both sides were read: what the proposal reflects. */
    computedAt: ts("computed_at").notNull(),
    ready: boolean("ready").notNull().default(false),
    counts: jsonb("counts").$type<ReconciliationCounts>().notNull(),
    /** The shop's parts, and how many were linked, as read: a change marks the proposal stale. */
    partsTotal: integer("parts_total").notNull(),
    partsLinked: integer("parts_linked").notNull(),
  },
  (t) => [
    uniqueIndex("reconciliation_proposals_ready")
      .on(t.shopId)
      .where(sql`${t.ready}`),
  ],
);

/** One entry of a section (a pair, an ambiguous group, a one-sided record), in page order. */
export const reconciliationProposalRows = pgTable(
  "reconciliation_proposal_rows",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => reconciliationProposals.id, { onDelete: "cascade" }),
    shopId: shopIdColumn(),
    section: text("section", { enum: RECONCILIATION_SECTIONS }).notNull(),
    seq: integer("seq").notNull(),
    /** The part and the item of a pair or a one-sided record, for the apply's bulk reads. */
    partId: uuid("part_id"),
    itemId: text("item_id"),
    /** The entry exactly as the API answers it. */
    body: jsonb("body").notNull(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.section, t.seq] })],
);

export type QuickBooksExportRow = typeof quickBooksExports.$inferSelect;
export type QuickBooksExportItemRow = typeof quickBooksExportItems.$inferSelect;
