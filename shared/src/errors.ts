import { z } from "zod";

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

export const FieldIssueSchema = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

export const ApiErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;
