import { sql } from "drizzle-orm";
import {
  bigint,
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
import { childShopIdColumn, createdAtColumn, idColumn, shopIdColumn, ts } from "./columns.js";

/**
 * One import run. The row is the source of truth (pg-boss only delivers "run job X"): the
 * cursor, counters and lease live here and are committed with each page's writes, so a crash
 * loses at most the page in progress.
 */
export const importJobs = pgTable(
  "import_jobs",
  {
    id: idColumn(),
    shopId: shopIdColumn(),
    category: text("category", { enum: ["customers", "inventory", "non_inventory"] }).notNull(),
    dryRun: boolean("dry_run").notNull().default(false),
    /** The QuickBooks company this run reads and links; a switch of company ends the run. */
    realmId: text("realm_id"),
    status: text("status", {
      enum: ["queued", "running", "succeeded", "failed", "canceled"],
    }).notNull(),
    total: integer("total"),
    processed: integer("processed").notNull().default(0),
    imported: integer("imported").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    requestedBy: text("requested_by").notNull(),
    requestedById: text("requested_by_id").notNull(),
    createdAt: createdAtColumn(),
    startedAt: ts("started_at"),
    finishedAt: ts("finished_at"),
    /** The next QuickBooks page (0-based) to read; pages before it are committed. */
    nextPage: integer("next_page").notNull().default(0),
    /**
     * Rows of `next_page` already committed: on the embedded database a page is written in
     * chunks, each its own transaction, so no request waits behind a whole page (decision 0012).
     */
    nextRow: integer("next_row").notNull().default(0),
    cancelRequested: boolean("cancel_requested").notNull().default(false),
    /** Which worker holds the job, until when; a stale lease means the worker died. */
    workerId: text("worker_id"),
    leaseExpiresAt: ts("lease_expires_at").notNull().defaultNow(),
    /**
     * Undo of a finished run: running → done. It walks the run's records in batches (each one
     * transaction that marks its records), holding the same worker/lease columns as the import.
     */
    undoStatus: text("undo_status", { enum: ["running", "done"] }),
    undoneBy: text("undone_by"),
    undoneById: text("undone_by_id"),
    undoneAt: ts("undone_at"),
    undoRemoved: integer("undo_removed").notNull().default(0),
    undoRestored: integer("undo_restored").notNull().default(0),
    undoKept: integer("undo_kept").notNull().default(0),
  },
  (t) => [
    // At most one live import per shop and category, and one live preview beside it (a preview
    // writes nothing, so it may look while the real run works), enforced by the database.
    uniqueIndex("import_jobs_one_live")
      .on(t.shopId, t.category, t.dryRun)
      .where(sql`${t.status} in ('queued', 'running')`),
    index("import_jobs_shop_created").on(t.shopId, t.createdAt),
    index("import_jobs_live_lease")
      .on(t.leaseExpiresAt)
      .where(sql`${t.status} in ('queued', 'running')`),
  ],
);

/** Per-record outcome of a run (the preview, the history drill-down and the CSV). */
export const importRecords = pgTable(
  "import_records",
  {
    /** Monotonic, for keyset pagination in the order records were written. */
    seq: bigint("seq", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    jobId: uuid("job_id")
      .notNull()
      .references(() => importJobs.id, { onDelete: "cascade" }),
    shopId: childShopIdColumn(),
    quickBooksId: text("quickbooks_id").notNull(),
    name: text("name").notNull(),
    outcome: text("outcome", { enum: ["imported", "updated", "skipped"] }).notNull(),
    /** A skip's English text, as runs stored it before reason codes existed; null since. */
    reason: text("reason"),
    /** Why it was skipped, rendered in the reader's language (SkipReasonCode, docs/api.md). */
    reasonCode: text("reason_code"),
    reasonParams: jsonb("reason_params"),
    recordId: uuid("record_id"),
    /** An updated record's fields just before the run wrote it (null: the run created it). */
    before: jsonb("before"),
    /** What the undo did with this record; null until its batch commits (the undo's cursor). */
    undoOutcome: text("undo_outcome", { enum: ["removed", "restored", "kept"] }),
    undoReason: text("undo_reason"),
  },
  (t) => [
    // A resumed page can never count a record twice.
    uniqueIndex("import_records_job_qbo").on(t.jobId, t.quickBooksId),
    index("import_records_job_outcome").on(t.jobId, t.outcome, t.seq),
    // "Linked again by a later run": an undo asks which runs wrote a record.
    index("import_records_record").on(t.shopId, t.recordId),
  ],
);

/**
 * QuickBooks items whose Sku equals an unlinked part's number. Their fate depends on how many
 * items share that Sku across ALL pages, so they wait here (durably) until the last page.
 * `deferred = false` rows only count the Sku (the item itself matched by its stored ref).
 */
export const importSkuCandidates = pgTable(
  "import_sku_candidates",
  {
    jobId: uuid("job_id")
      .notNull()
      .references(() => importJobs.id, { onDelete: "cascade" }),
    quickBooksId: text("quickbooks_id").notNull(),
    skuKey: text("sku_key").notNull(),
    deferred: boolean("deferred").notNull(),
    item: jsonb("item"),
  },
  (t) => [
    primaryKey({ columns: [t.jobId, t.quickBooksId] }),
    index("import_sku_candidates_key").on(t.jobId, t.skuKey),
  ],
);

export type ImportJobRow = typeof importJobs.$inferSelect;
export type ImportRecordRow = typeof importRecords.$inferSelect;
