import { z } from "zod";
import { PageQuerySchema, pageOf } from "./paging.js";
import { ErrorReasonSchema } from "./errors.js";
import { ReasonParamsSchema } from "./skip-reasons.js";
import { StartingSituationSchema } from "./quickbooks.js";

/** GET|PUT /api/quickbooks/starting-situation (docs/api.md). */
export const StartingSituationStateSchema = z.object({
  situation: z.nullable(StartingSituationSchema),
  chosenAt: z.string().optional(),
  chosenBy: z.string().optional(),
});
export type StartingSituationState = z.infer<typeof StartingSituationStateSchema>;

export const StartingSituationInputSchema = z.strictObject({ situation: StartingSituationSchema });
export type StartingSituationInput = z.infer<typeof StartingSituationInputSchema>;

/** The facts the "next steps" checklist ticks itself from (real state, never a stored tick). */
export const OnboardingStatusSchema = z.object({
  connected: z.boolean(),
  imported: z.object({ inventory: z.boolean(), nonInventory: z.boolean() }),
  keepInSync: z.object({ inventory: z.boolean(), nonInventory: z.boolean() }),
  parts: z.object({ total: z.number().int(), linked: z.number().int() }),
  accountingMapped: z.boolean(),
  exported: z.boolean(),
  reconciled: z.boolean(),
});
export type OnboardingStatus = z.infer<typeof OnboardingStatusSchema>;

export const SupportRequestInputSchema = z.strictObject({
  message: z.string().trim().min(1).max(4000),
});
export type SupportRequestInput = z.infer<typeof SupportRequestInputSchema>;

export const SupportRequestSchema = z.object({
  id: z.string(),
  situation: z.nullable(StartingSituationSchema),
  message: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type SupportRequest = z.infer<typeof SupportRequestSchema>;
export const SupportRequestListSchema = z.object({ items: z.array(SupportRequestSchema) });

/** Which parts an export covers: the named ones, or every part not yet linked. */
export const ExportScopeSchema = z.strictObject({
  partIds: z.array(z.uuid()).min(1).max(5000).optional(),
  /**
   * Parts skipped because QuickBooks has an item of their name (`canLinkByName`): link each to
   * that item instead of skipping it.
   */
  linkByName: z.array(z.uuid()).max(5000).optional(),
});
export type ExportScope = z.infer<typeof ExportScopeSchema>;

/** What the export will do with one part, decided from QuickBooks' items at preview time. */
export const ExportPlanSchema = z.enum(["create", "link_existing", "skip"]);
export type ExportPlan = z.infer<typeof ExportPlanSchema>;

export const ExportPreviewRowSchema = z.object({
  partId: z.string(),
  description: z.string(),
  partNumber: z.string(),
  itemType: z.enum(["Inventory", "NonInventory"]),
  plan: ExportPlanSchema,
  /** Existing QuickBooks items with the same name or SKU. */
  nameTakenBy: z.object({ id: z.string(), name: z.string() }).optional(),
  skuTakenBy: z.array(z.object({ id: z.string(), name: z.string() })),
  /** link_existing: the QuickBooks item the part will be linked to. */
  linkTo: z.object({ id: z.string(), name: z.string() }).optional(),
  /** A skip because of the name only: the part can be linked to `nameTakenBy` instead. */
  canLinkByName: z.boolean().optional(),
  /** English; `reasonCode` + `reasonParams` are what the web says (docs/api.md). */
  reason: z.string().optional(),
  reasonCode: z.optional(ErrorReasonSchema),
  reasonParams: z.optional(ReasonParamsSchema),
});
export type ExportPreviewRow = z.infer<typeof ExportPreviewRowSchema>;

export const ExportPreviewSchema = z.object({
  items: z.array(ExportPreviewRowSchema),
  counts: z.object({ create: z.number(), linkExisting: z.number(), skip: z.number() }),
});
export type ExportPreview = z.infer<typeof ExportPreviewSchema>;

export const ExportStatusSchema = z.enum(["queued", "running", "succeeded", "failed"]);
export const ExportJobSchema = z.object({
  id: z.string(),
  status: ExportStatusSchema,
  total: z.number().int(),
  processed: z.number().int(),
  created: z.number().int(),
  linked: z.number().int(),
  skipped: z.number().int(),
  /** English; `errorReason` + `errorParams` are what the web says. */
  error: z.string().optional(),
  errorReason: z.optional(ErrorReasonSchema),
  errorParams: z.optional(ReasonParamsSchema),
  requestedBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().optional(),
});
export type ExportJob = z.infer<typeof ExportJobSchema>;
export const ExportJobListSchema = z.object({ items: z.array(ExportJobSchema) });

export const ExportOutcomeSchema = z.enum(["pending", "created", "linked", "skipped"]);
export const ExportRecordSchema = z.object({
  partId: z.string(),
  description: z.string(),
  partNumber: z.string(),
  outcome: ExportOutcomeSchema,
  /** English; `reasonCode` + `reasonParams` are what the web says (absent on older exports). */
  reason: z.string().optional(),
  reasonCode: z.optional(ErrorReasonSchema),
  reasonParams: z.optional(ReasonParamsSchema),
  quickBooksId: z.string().optional(),
});
export type ExportRecord = z.infer<typeof ExportRecordSchema>;
export const ExportRecordListSchema = z.object({ items: z.array(ExportRecordSchema) });

export const IdParamsSchema = z.object({ id: z.string() });

// ── Reconciliation assistant ("some in each") ──────────────────────────────────────────────

export const MatchBySchema = z.enum(["reference", "sku", "name"]);
export type MatchBy = z.infer<typeof MatchBySchema>;

export const SidePartSchema = z.object({
  id: z.string(),
  description: z.string(),
  partNumber: z.string(),
  kind: z.enum(["inventory", "non_inventory"]),
  quantity: z.string().nullable(),
  retailCost: z.string(),
  cost: z.string(),
});
export type SidePart = z.infer<typeof SidePartSchema>;

export const SideItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  sku: z.string(),
  type: z.string(),
  quantity: z.string().nullable(),
  unitPrice: z.string(),
  purchaseCost: z.string(),
});
export type SideItem = z.infer<typeof SideItemSchema>;

export const DifferenceFieldSchema = z.enum([
  "name",
  "partNumber",
  "quantity",
  "retailCost",
  "cost",
  "kind",
]);
export type DifferenceField = z.infer<typeof DifferenceFieldSchema>;

export const ProposedPairSchema = z.object({
  part: SidePartSchema,
  item: SideItemSchema,
  matchedBy: MatchBySchema,
  differences: z.array(DifferenceFieldSchema),
});
export type ProposedPair = z.infer<typeof ProposedPairSchema>;

export const AmbiguousGroupSchema = z.object({
  by: z.enum(["sku", "name"]),
  key: z.string(),
  parts: z.array(SidePartSchema),
  items: z.array(SideItemSchema),
});
export type AmbiguousGroup = z.infer<typeof AmbiguousGroupSchema>;

export const ReconciliationSectionSchema = z.enum([
  "linked",
  "proposed",
  "ambiguous",
  "onlyInQuickBooks",
  "onlyInShopmonkey",
]);
export type ReconciliationSection = z.infer<typeof ReconciliationSectionSchema>;

/**
 * GET /api/quickbooks/reconciliation: one page of each section, each paged on its own
 * (`proposedPage=3`), all of the same size.
 */
export const ReconciliationQuerySchema = z.object({
  pageSize: PageQuerySchema.shape.pageSize,
  linkedPage: PageQuerySchema.shape.page,
  proposedPage: PageQuerySchema.shape.page,
  ambiguousPage: PageQuerySchema.shape.page,
  onlyInQuickBooksPage: PageQuerySchema.shape.page,
  onlyInShopmonkeyPage: PageQuerySchema.shape.page,
});
export type ReconciliationQuery = z.infer<typeof ReconciliationQuerySchema>;

/**
 * The stored proposal (computed once from both sides, then served from the database until a
 * refresh or an apply), one page of each section with its total.
 */
export const ReconciliationProposalSchema = z.object({
  /** Names this computation: an apply that confirms its pairs in bulk refers to it. */
  id: z.string(),
  computedAt: z.string(),
  /** Parts were added, removed, linked or unlinked since it was computed: refresh to see them. */
  stale: z.boolean(),
  /** Proposed pairs differing in a value the owner chooses between, and in quantity. */
  differing: z.object({ any: z.number().int(), quantity: z.number().int() }),
  /** Already linked by a stored reference: nothing to confirm. */
  linked: pageOf(ProposedPairSchema),
  proposed: pageOf(ProposedPairSchema),
  ambiguous: pageOf(AmbiguousGroupSchema),
  onlyInQuickBooks: pageOf(SideItemSchema),
  onlyInShopmonkey: pageOf(SidePartSchema),
});
export type ReconciliationProposal = z.infer<typeof ReconciliationProposalSchema>;

export const QuantityWinnerSchema = z.enum(["shopmonkey", "quickbooks"]);
export type QuantityWinner = z.infer<typeof QuantityWinnerSchema>;
/** A matched pair's values the owner may keep from Shopmonkey (quantity has quantityFrom). */
export const KeepableFieldSchema = z.enum(["name", "cost", "retailCost"]);
export type KeepableField = z.infer<typeof KeepableFieldSchema>;

/** The values a matched pair can differ in that the owner chooses between, in reading order. */
export const CHOOSABLE_FIELDS = ["name", "cost", "retailCost", "quantity"] as const;

/**
 * What "keep `side`'s values" means for one pair: every value it differs in from that side
 * (the quantity only when it differs; QuickBooks' otherwise, as the import would).
 */
export function pairChoiceFor(
  differences: readonly DifferenceField[],
  side: QuantityWinner,
): { quantityFrom: QuantityWinner; keepShopmonkey: KeepableField[] } {
  return {
    quantityFrom: differences.includes("quantity") ? side : "quickbooks",
    keepShopmonkey:
      side === "shopmonkey"
        ? KeepableFieldSchema.options.filter((f) => differences.includes(f))
        : [],
  };
}

export const ReconciliationApplySchema = z.strictObject({
  pairs: z
    .array(
      z.strictObject({
        partId: z.uuid(),
        quickBooksId: z.string().min(1).max(64),
        quantityFrom: QuantityWinnerSchema.default("quickbooks"),
        /**
         * Values where Shopmonkey's wins: written to the QuickBooks item before the import
         * that follows reads it back. The rest take QuickBooks' values (the import's way).
         */
        keepShopmonkey: z.array(KeepableFieldSchema).max(3).default([]),
      }),
    )
    .max(5000),
  /**
   * Confirms the stored proposal's pairs in bulk, so a proposal larger than what one can send or
   * see at once is applied whole: every proposed pair of proposal `id` is linked with `side`'s
   * values, except the parts in `rejected` and those `pairs` names (their own choice). 409 when
   * the stored proposal is no longer `id` (refreshed or applied since).
   */
  proposal: z
    .strictObject({
      id: z.uuid(),
      side: QuantityWinnerSchema.default("quickbooks"),
      rejected: z.array(z.uuid()).max(5000).default([]),
    })
    .optional(),
  importOnlyInQuickBooks: z.boolean().default(true),
  createOnlyInShopmonkey: z.boolean().default(true),
});
export type ReconciliationApply = z.infer<typeof ReconciliationApplySchema>;

export const ReconciliationRunSchema = z.object({
  id: z.string(),
  linked: z.number().int(),
  alreadyLinked: z.number().int(),
  /** `reason` is English; `code` (an ErrorReason) and `params` are what the web says. */
  skipped: z.array(
    z.object({
      partId: z.string(),
      reason: z.string(),
      code: z.optional(ErrorReasonSchema),
      params: z.optional(ReasonParamsSchema),
    }),
  ),
  /**
   * `message` is English; `reason` + `params` are what the web says, and `importFollows` adds
   * that the import after it takes QuickBooks' quantity meanwhile.
   */
  quantityNotes: z.array(
    z.object({
      partId: z.string(),
      message: z.string(),
      reason: z.optional(ErrorReasonSchema),
      params: z.optional(ReasonParamsSchema),
      importFollows: z.boolean().optional(),
    }),
  ),
  exportId: z.string().optional(),
  importsQueued: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type ReconciliationRun = z.infer<typeof ReconciliationRunSchema>;
export const ReconciliationRunListSchema = z.object({ items: z.array(ReconciliationRunSchema) });
