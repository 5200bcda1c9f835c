import { z } from "zod";

/** What kind of trouble a problem on the Health page is; each has its fix or Retry. */
export const ProblemKindSchema = z.enum([
  "invoice_send",
  "import_skipped",
  "webhook",
  "catch_up",
  "sync_notice",
  "connection",
]);
export type ProblemKind = z.infer<typeof ProblemKindSchema>;

export const ProblemSchema = z.object({
  /** Names one occurrence: a problem dismissed comes back only if it happens again. */
  id: z.string(),
  kind: ProblemKindSchema,
  message: z.string(),
  /** Where to see or fix the record, a path of the SPA. */
  recordUrl: z.string().optional(),
  at: z.string(),
  retryable: z.boolean(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export const CallDaySchema = z.object({
  day: z.string(),
  reads: z.number().int(),
  writes: z.number().int(),
});
export type CallDay = z.infer<typeof CallDaySchema>;

/** QuickBooks calls this month for the connected company, as the BFF counted them. */
export const CallsSchema = z.object({
  month: z.string(),
  reads: z.number().int(),
  writes: z.number().int(),
  readBudget: z.number().int(),
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
  imported: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  undone: z.boolean(),
});
export type HealthRun = z.infer<typeof HealthRunSchema>;

export const HealthSchema = z.object({
  connection: z.object({
    status: z.enum(["connected", "needs_reconnect", "disconnected", "not_connected"]),
    companyName: z.string().optional(),
  }),
  calls: CallsSchema.nullable(),
  problems: z.array(ProblemSchema),
  /** Real (not preview) import runs, oldest first, for the chart. */
  runs: z.array(HealthRunSchema),
});
export type Health = z.infer<typeof HealthSchema>;

export const ProblemIdParamsSchema = z.object({ id: z.string().min(1).max(200) });
