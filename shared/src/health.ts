import { z } from "zod/mini";

/** What kind of trouble a problem on the Health page is; each has its fix or Retry. */
export const ProblemKindSchema = z.enum([
  "invoice_send",
  "stock_adjustment",
  "import_skipped",
  "webhook",
  "merge",
  "catch_up",
  "sync_notice",
  "connection",
]);
export type ProblemKind = z.infer<typeof ProblemKindSchema>;

/**
 * The sentence a problem says, as a code: screens render it in the reader's language from
 * `code` and `params` (the English `message` is for logs and clients without translations).
 */
export const ProblemCodeSchema = z.enum([
  "reconnect_required",
  "invoice_not_sent",
  "adjustment_refused",
  "adjustment_unanswered",
  "import_records_skipped",
  "webhook_not_applied",
  "merge_needs_choice",
  "catch_up_failed",
  "item_deleted",
  "item_inactive",
]);
export type ProblemCode = z.infer<typeof ProblemCodeSchema>;

/**
 * The values a problem's sentence names. Which ones a code uses: invoice_not_sent `number`;
 * adjustment_* `part`, `qtyDiff`; import_records_skipped `count`, `category`;
 * webhook_not_applied `entity`, `entityId`, `attempts`; merge_needs_choice `part`, `itemRef`,
 * `into`, `otherPart`; item_deleted and item_inactive `part`.
 */
export const ProblemParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));
export type ProblemParams = z.infer<typeof ProblemParamsSchema>;

/**
 * Why it failed, as stored where it happened: a stable `code` when there is one (an API error
 * code, or `quickbooks_<Intuit code>`), and the words (often QuickBooks' own) as `detail`.
 */
export const ProblemReasonSchema = z.object({
  code: z.nullable(z.string()),
  detail: z.nullable(z.string()),
});
export type ProblemReason = z.infer<typeof ProblemReasonSchema>;

export const ProblemSchema = z.object({
  /** Names one occurrence: a problem dismissed comes back only if it happens again. */
  id: z.string(),
  kind: ProblemKindSchema,
  code: ProblemCodeSchema,
  params: ProblemParamsSchema,
  reason: z.nullable(ProblemReasonSchema),
  /** The same sentence in English, with its reason: for logs and API clients, not for screens. */
  message: z.string(),
  /** Where to see the record, a path of the SPA. */
  recordUrl: z.optional(z.string()),
  /** Where the choice or fix is made when it is not on the record itself. */
  fixUrl: z.optional(z.string()),
  at: z.string(),
  retryable: z.boolean(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** One drift check (a drift report run): how many linked parts differed from QuickBooks. */
export const DriftCheckSchema = z.object({
  at: z.string(),
  /** Linked parts that differed in quantity, cost or price. */
  found: z.int(),
  /** Linked parts compared. */
  checked: z.int(),
});
export type DriftCheck = z.infer<typeof DriftCheckSchema>;

export const CallDaySchema = z.object({
  day: z.string(),
  reads: z.int(),
  writes: z.int(),
});
export type CallDay = z.infer<typeof CallDaySchema>;

/** QuickBooks calls this month for the connected company, as the BFF counted them. */
export const CallsSchema = z.object({
  month: z.string(),
  reads: z.int(),
  writes: z.int(),
  readBudget: z.int(),
  /** True from 80% of the read budget on. */
  warning: z.boolean(),
  days: z.array(CallDaySchema),
});
export type Calls = z.infer<typeof CallsSchema>;

export const HealthRunSchema = z.object({
  id: z.string(),
  category: z.enum(["customers", "inventory", "non_inventory"]),
  status: z.enum(["queued", "running", "succeeded", "failed", "canceled"]),
  at: z.string(),
  imported: z.int(),
  updated: z.int(),
  skipped: z.int(),
  undone: z.boolean(),
});
export type HealthRun = z.infer<typeof HealthRunSchema>;

export const HealthSchema = z.object({
  connection: z.object({
    status: z.enum(["connected", "needs_reconnect", "disconnected", "not_connected"]),
    companyName: z.optional(z.string()),
  }),
  calls: z.nullable(CallsSchema),
  problems: z.array(ProblemSchema),
  /** Real (not preview) import runs, oldest first, for the chart. */
  runs: z.array(HealthRunSchema),
  /** The last drift checks, oldest first, for the chart. */
  drift: z.array(DriftCheckSchema),
});
export type Health = z.infer<typeof HealthSchema>;

export const ProblemIdParamsSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
});
