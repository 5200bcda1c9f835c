import { z } from "zod";
import { ErrorReasonSchema } from "./errors.js";
import { ReasonParamsSchema } from "./skip-reasons.js";

/** The item categories that can keep following QuickBooks after their import. */
export const SyncCategorySchema = z.enum(["inventory", "non_inventory"]);
export type SyncCategory = z.infer<typeof SyncCategorySchema>;

export const SyncChangeSourceSchema = z.enum(["webhook", "catch_up", "drift_fix"]);

export const SyncFieldChangeSchema = z.object({
  field: z.string(),
  from: z.string(),
  to: z.string(),
});
export type SyncFieldChange = z.infer<typeof SyncFieldChangeSchema>;

/** One change received from QuickBooks and what it did to a part. */
export const SyncChangeSchema = z.object({
  id: z.string(),
  at: z.string(),
  partId: z.string().nullable(),
  quickBooksItemRef: z.string(),
  name: z.string(),
  source: SyncChangeSourceSchema,
  changes: z.array(SyncFieldChangeSchema),
});
export type SyncChange = z.infer<typeof SyncChangeSchema>;

export const SyncNoticeSchema = z.object({
  id: z.string(),
  partId: z.string(),
  partDescription: z.string(),
  quickBooksItemRef: z.string(),
  kind: z.enum(["deleted", "inactive", "merged"]),
  /** Merged: the surviving item, already linked to another part (choose which part keeps it). */
  mergedIntoRef: z.string().nullable(),
  createdAt: z.string(),
});
export type SyncNotice = z.infer<typeof SyncNoticeSchema>;

export const SyncStatusSchema = z.object({
  categories: z.array(
    z.object({ category: SyncCategorySchema, keepInSync: z.boolean(), imported: z.boolean() }),
  ),
  lastChange: SyncChangeSchema.nullable(),
  recentChanges: z.array(SyncChangeSchema),
  lastCatchUpAt: z.string().nullable(),
  notices: z.array(SyncNoticeSchema),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const SyncSettingRequestSchema = z.strictObject({
  category: SyncCategorySchema,
  keepInSync: z.boolean(),
});

/** relink (merged notices only): this part follows the surviving item, the other part unlinks. */
export const NoticeDecisionRequestSchema = z.strictObject({
  decision: z.enum(["unlink", "keep", "relink"]),
});
export const NoticeIdParamsSchema = z.object({ id: z.uuid() });

/** The drift report compares these three values of every linked part. */
export const DriftFieldSchema = z.enum(["quantity", "cost", "retailCost"]);
export type DriftField = z.infer<typeof DriftFieldSchema>;

export const DriftQuerySchema = z.object({
  show: z.enum(["different", "all"]).default("different"),
  field: DriftFieldSchema.optional(),
  search: z.string().trim().max(200).optional(),
});
export type DriftQuery = z.infer<typeof DriftQuerySchema>;

const Values = z.object({
  quantity: z.string().nullable(),
  cost: z.string(),
  retailCost: z.string(),
});

export const DriftRowSchema = z.object({
  partId: z.string(),
  description: z.string(),
  partNumber: z.string(),
  quickBooksItemRef: z.string(),
  shopmonkey: Values,
  /** null when the item is gone from QuickBooks (deleted). */
  quickBooks: Values.nullable(),
  differences: z.array(DriftFieldSchema),
  /** The fixes that can work for this row: only these are offered. */
  fixes: z.object({
    take_quickbooks: z.array(DriftFieldSchema),
    push_shopmonkey: z.array(DriftFieldSchema),
  }),
  /** Differences a fix cannot resolve one way, and why (the app says it in words). */
  blocked: z.array(
    z.object({
      field: DriftFieldSchema,
      reason: z.enum(["item_gone", "quantity_push_unsupported"]),
    }),
  ),
});
export type DriftRow = z.infer<typeof DriftRowSchema>;

export const DriftReportSchema = z.object({
  items: z.array(DriftRowSchema),
  linkedParts: z.number().int(),
  checkedAt: z.string(),
});
export type DriftReport = z.infer<typeof DriftReportSchema>;

export const DriftActionSchema = z.enum(["take_quickbooks", "push_shopmonkey"]);
export type DriftAction = z.infer<typeof DriftActionSchema>;

export const DriftFixRequestSchema = z.strictObject({
  action: DriftActionSchema,
  partIds: z.array(z.uuid()).min(1).max(500),
  /** Omitted = every field that differs. */
  fields: z.array(DriftFieldSchema).min(1).optional(),
});
export type DriftFixRequest = z.infer<typeof DriftFixRequestSchema>;

export const DriftFixResultSchema = z.object({
  partId: z.string(),
  field: DriftFieldSchema,
  /** unsupported: the company can't take an inventory adjustment (the message says why). */
  outcome: z.enum(["fixed", "unchanged", "unsupported", "failed"]),
  /** English, for logs and scripts; the web says `reason` (with `params`) in the reader's words. */
  message: z.string().optional(),
  reason: z.optional(ErrorReasonSchema),
  params: z.optional(ReasonParamsSchema),
});
export type DriftFixResult = z.infer<typeof DriftFixResultSchema>;

export const DriftFixResponseSchema = z.object({ results: z.array(DriftFixResultSchema) });
export type DriftFixResponse = z.infer<typeof DriftFixResponseSchema>;
