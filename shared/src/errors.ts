import { z } from "zod/mini";
import { ReasonParamsSchema } from "./skip-reasons.js";

/** Stable snake_case codes of every non-2xx answer (see docs/api.md). */
export const ErrorCodeSchema = z.enum([
  "validation_failed",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "payload_too_large",
  "too_busy",
  "quickbooks_not_connected",
  "quickbooks_reconnect_required",
  "quickbooks_company_changed",
  "quickbooks_unavailable",
  "internal_error",
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

/**
 * The precise case behind a `code`, when the code alone would say too little: the web renders
 * it (with the error's `params`) in the reader's language; `message` stays English for logs
 * and scripts (docs/api.md).
 */
export const ErrorReasonSchema = z.enum([
  "order_invoiced",
  "accounting_not_configured",
  "quickbooks_accounts_missing",
  "export_running",
  "export_not_retryable",
  "part_already_linked",
  /** params: name */
  "quickbooks_name_taken",
  /** params: detail (QuickBooks' own words) */
  "quickbooks_refused",
  "adjustment_not_retryable",
  "import_running",
  "undo_of_preview",
  "undo_while_running",
  "import_already_undone",
  "import_of_other_company",
  "merge_notice_only",
  "no_company_switch_waiting",
  // A drift fix's failed or unsupported field (DriftFixResult).
  "part_not_linked",
  "item_gone",
  "quickbooks_unanswered",
  /** params: detail (QuickBooks' own words) */
  "quickbooks_refused_change",
  /** params: detail (QuickBooks' own words) */
  "adjustment_unsupported",
  // Why a stock adjustment failed or was dropped (StockAdjustment.reason).
  "adjustment_superseded_by_take",
  "adjustment_superseded_by_push",
  "adjustment_superseded",
  "no_adjustment_account",
  /** params: detail (QuickBooks' own words) */
  "quickbooks_refused_adjustment",
  // Why the reconciliation assistant skipped a pair or could not settle a value.
  "reconcile_part_missing",
  "reconcile_item_missing",
  "reconcile_pair_twice",
  /** params: item */
  "part_linked_elsewhere",
  "item_linked_to_other_part",
  "part_linked_meanwhile",
  /** params: name */
  "values_not_kept_name_taken",
  /** params: detail (QuickBooks' own words) */
  "values_not_kept",
  // Why an export to QuickBooks skips a part (ExportPreviewRow, ExportRecord).
  /** params: partNumber */
  "sku_matches_several",
  "description_twice",
  "negative_starting_quantity",
  "part_gone_before_turn",
  "quickbooks_no_answer_for_part",
  "item_name_taken",
  "new_item_unlinked",
  "export_unreachable",
  /** params: detail (QuickBooks' own words) */
  "quickbooks_refused_invoice",
  /** params: detail (QuickBooks' own words) */
  "export_refused",
  // A field's issue (FieldIssue), said beside the field.
  "invalid_value",
  "required",
  /** params: maximum */
  "too_long",
  /** params: minimum */
  "too_short",
  /** params: minimum */
  "too_small",
  /** params: maximum */
  "too_large",
  /** params: minimum */
  "too_few",
  /** params: maximum */
  "too_many",
  "more_than_zero",
  "zero_or_more",
  "unknown_customer",
  "unknown_part",
  /** params: id */
  "unknown_item",
  /** params: name */
  "item_inactive",
  /** params: name, type */
  "item_not_mappable",
  /** params: id */
  "unknown_account",
  "nul_bytes",
  "body_too_large",
  "malformed_json",
  "unsupported_encoding",
  "malformed_url",
]);
export type ErrorReason = z.infer<typeof ErrorReasonSchema>;

/** `message` is English; `reason` (with `params`) is what the web says beside the field. */
export const FieldIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
  reason: z.optional(z.string()),
  params: z.optional(ReasonParamsSchema),
});
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

export const ApiErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    /** A string, not the enum: a web older than the server still reads the error by its code. */
    reason: z.optional(z.string()),
    params: z.optional(ReasonParamsSchema),
    details: z.optional(z.unknown()),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;
