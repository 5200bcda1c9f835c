import { z } from "zod";
import { ReasonParamsSchema, SkipReasonCodeSchema } from "./skip-reasons.js";

export const ImportCategorySchema = z.enum(["customers", "inventory", "non_inventory"]);
export type ImportCategory = z.infer<typeof ImportCategorySchema>;

export const ImportStatusSchema = z.enum(["queued", "running", "succeeded", "failed", "canceled"]);
export type ImportStatus = z.infer<typeof ImportStatusSchema>;

export const ImportOutcomeSchema = z.enum(["imported", "updated", "skipped"]);
export type ImportOutcome = z.infer<typeof ImportOutcomeSchema>;

export const StartImportRequestSchema = z.strictObject({
  category: ImportCategorySchema,
  dryRun: z.boolean().default(false),
});

export const ImportJobSchema = z.object({
  id: z.string(),
  category: ImportCategorySchema,
  dryRun: z.boolean(),
  status: ImportStatusSchema,
  total: z.number().int().nullable(),
  processed: z.number().int(),
  imported: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  requestedBy: z.string(),
  createdAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  /** Present once someone asked to undo this run: "Undone by … at …" (at is set when it ended). */
  undo: z
    .object({
      status: z.enum(["running", "done"]),
      by: z.string(),
      at: z.string().optional(),
      removed: z.number().int(),
      restored: z.number().int(),
      kept: z.number().int(),
    })
    .optional(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;

export const ImportListQuerySchema = z.object({
  category: ImportCategorySchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const ImportRecordSchema = z.object({
  quickBooksId: z.string(),
  name: z.string(),
  outcome: ImportOutcomeSchema,
  /** In English: rendered from `reasonCode`, or the text a run stored before codes existed. */
  reason: z.string().optional(),
  /** Why it was skipped, for the reader's language (absent on records stored before codes). */
  reasonCode: z.optional(SkipReasonCodeSchema),
  reasonParams: z.optional(ReasonParamsSchema),
  recordId: z.string().optional(),
});
export type ImportRecord = z.infer<typeof ImportRecordSchema>;

/** The CSV's words (reasons, outcomes, headers) follow `lang`, else Accept-Language, else English. */
export const ImportRecordsCsvQuerySchema = z.object({ lang: z.enum(["en", "fr"]).optional() });

export const ImportRecordsQuerySchema = z.object({
  outcome: ImportOutcomeSchema.optional(),
  /** Opaque to clients: pass back the `nextCursor` of the previous page. */
  cursor: z
    .string()
    .regex(/^\d{1,15}$/, "Expected a cursor from a previous page")
    .optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const ImportJobListSchema = z.object({ items: z.array(ImportJobSchema) });
export type ImportJobList = z.infer<typeof ImportJobListSchema>;

export const ImportRecordsPageSchema = z.object({
  items: z.array(ImportRecordSchema),
  nextCursor: z.string().optional(),
});
export type ImportRecordsPage = z.infer<typeof ImportRecordsPageSchema>;

export const ImportIdParamsSchema = z.object({ id: z.uuid() });

export const UndoImportRequestSchema = z.object({ dryRun: z.boolean().default(false) });
export type UndoImportRequest = z.input<typeof UndoImportRequestSchema>;

/** Why an undo keeps a record: rendered in the reader's language (docs/api.md). */
export const UndoKeptReasonSchema = z.enum([
  "gone",
  "no_before",
  "on_order",
  "stock_moved",
  "later_run",
  "edited",
]);
export type UndoKeptReason = z.infer<typeof UndoKeptReasonSchema>;

/** A record the undo leaves as it is, and why (used on an order, changed since, …). */
export const UndoKeptSchema = z.object({
  recordId: z.string(),
  name: z.string(),
  /** In English: from `reasonCode`, or the text an undo stored before codes existed. */
  reason: z.string(),
  reasonCode: UndoKeptReasonSchema.optional(),
});
export type UndoKept = z.infer<typeof UndoKeptSchema>;

/** What an undo did (or, with dryRun, would do). `kept` lists at most the first 500. */
export const UndoImportResultSchema = z.object({
  removed: z.number().int(),
  restored: z.number().int(),
  keptCount: z.number().int(),
  kept: z.array(UndoKeptSchema),
});
export type UndoImportResult = z.infer<typeof UndoImportResultSchema>;
