import { z } from "zod";
import { DecimalStringSchema } from "./decimal.js";
import { ErrorReasonSchema } from "./errors.js";
import { ReasonParamsSchema } from "./skip-reasons.js";
import { ImportCategorySchema } from "./imports.js";
import { PageQuerySchema, QueryBooleanSchema, pageOf } from "./paging.js";
import { QBO_APP_URL, type Role, canManageQuickBooks } from "./session.js";

export const PartKindSchema = z.enum(["inventory", "non_inventory"]);
export type PartKind = z.infer<typeof PartKindSchema>;

export const PartSchema = z.object({
  id: z.string(),
  kind: PartKindSchema,
  description: z.string(),
  note: z.string(),
  partNumber: z.string(),
  vendor: z.object({ id: z.string(), name: z.string() }).nullable(),
  cost: z.string(),
  retailCost: z.string(),
  quantityAvailable: z.string().nullable(),
  criticalQuantity: z.string().nullable(),
  quickBooksItemRef: z.string().nullable(),
  updatedAt: z.string(),
});
export type Part = z.infer<typeof PartSchema>;

export const PartSortSchema = z.enum([
  "description",
  "-description",
  "partNumber",
  "-partNumber",
  "cost",
  "-cost",
  "retailCost",
  "-retailCost",
  "quantityAvailable",
  "-quantityAvailable",
  "updatedAt",
  "-updatedAt",
]);

export const PartListQuerySchema = PageQuerySchema.extend({
  search: z.string().trim().max(200).optional(),
  kind: PartKindSchema.optional(),
  linked: QueryBooleanSchema.optional(),
  lowStock: QueryBooleanSchema.optional(),
  sort: PartSortSchema.default("description"),
  /**
   * The last part of the previous page: the page then starts right after it (keyset paging, as
   * fast at page 1,500 as at page 2). `page` still says which page it is, for the range shown.
   */
  after: z.uuid().optional(),
});
export type PartListQuery = z.infer<typeof PartListQuerySchema>;

/**
 * A shop's whole inventory is counted only up to a limit: when totalExact is false, more than
 * `total` parts match (the list says "more than 1,000", "more than 200" for a search); small
 * lists are always exact.
 */
export const PartListSchema = pageOf(PartSchema).extend({ totalExact: z.boolean() });
export type PartList = z.infer<typeof PartListSchema>;

/** Prices and thresholds can't be negative; a quantity can (a part sold before it was received). */
const NonNegativeDecimalSchema = DecimalStringSchema.refine((v) => !v.startsWith("-"), {
  message: "Expected zero or more",
  params: { reason: "zero_or_more" },
});

/** The editable fields, without defaults: a PATCH must leave untouched what it doesn't name. */
const partFields = {
  kind: PartKindSchema,
  description: z.string().trim().min(1).max(500),
  note: z.string().max(4000),
  partNumber: z.string().trim().max(100),
  /** The vendor by name; the server finds it in the shop or creates it. */
  vendorName: z.string().trim().max(200).nullable(),
  cost: NonNegativeDecimalSchema,
  retailCost: NonNegativeDecimalSchema,
  quantityAvailable: DecimalStringSchema.nullable(),
  criticalQuantity: NonNegativeDecimalSchema.nullable(),
};

/** quickBooksItemRef is absent on purpose: only imports set it, and only unlink clears it. */
export const PartInputSchema = z.strictObject({
  kind: partFields.kind,
  description: partFields.description,
  note: partFields.note.default(""),
  partNumber: partFields.partNumber.default(""),
  vendorName: partFields.vendorName.default(null),
  cost: partFields.cost.default("0"),
  retailCost: partFields.retailCost.default("0"),
  quantityAvailable: partFields.quantityAvailable.default(null),
  criticalQuantity: partFields.criticalQuantity.default(null),
});
export type PartInput = z.infer<typeof PartInputSchema>;
export const PartPatchSchema = z.strictObject(partFields).partial();
export type PartPatch = z.infer<typeof PartPatchSchema>;

/** A stock change on its way to QuickBooks as an InventoryAdjustment (issue 16). */
export const StockAdjustmentSchema = z.object({
  id: z.string(),
  status: z.enum(["pending", "sent", "failed", "dropped"]),
  qtyDiff: z.string(),
  /** QuickBooks' InventoryAdjustment Id once it holds the change. */
  quickBooksId: z.string().nullable(),
  errorCode: z.string().nullable(),
  /** English, for logs and support; the web says `reason` (with `params`) in the reader's words. */
  error: z.string().nullable(),
  reason: z.optional(ErrorReasonSchema),
  params: z.optional(ReasonParamsSchema),
});
export type StockAdjustment = z.infer<typeof StockAdjustmentSchema>;

export const StockMovementSchema = z.object({
  id: z.string(),
  delta: z.string(),
  quantityAfter: z.string(),
  reason: z.enum(["import", "invoice", "manual", "quickbooks"]),
  /**
   * What a person reads: "Order #1001", "Inventory import, Nov 28, 8:52:14 PM UTC",
   * "Changed in QuickBooks", or who edited the quantity. Never an internal id.
   */
  reference: z.string().nullable(),
  /** What `reference` names, so the app can say it in the reader's language. */
  source: z
    .discriminatedUnion("type", [
      z.object({ type: z.literal("order"), number: z.number().int() }),
      z.object({
        type: z.literal("import"),
        category: ImportCategorySchema,
        startedAt: z.string(),
      }),
      z.object({ type: z.literal("quickbooks"), via: z.enum(["sync", "drift_report"]) }),
      z.object({ type: z.literal("person"), name: z.string() }),
    ])
    .nullable(),
  /** Where the reference opens in the app, if anywhere: the order that sold the stock. */
  link: z.object({ type: z.literal("order"), id: z.string() }).nullable(),
  createdAt: z.string(),
  /** Set when this change is (being) sent to QuickBooks; null when it stays in Shopmonkey. */
  quickBooks: StockAdjustmentSchema.nullable(),
});
export type StockMovement = z.infer<typeof StockMovementSchema>;
export const StockMovementListSchema = z.object({ items: z.array(StockMovementSchema) });
export type StockMovementList = z.infer<typeof StockMovementListSchema>;

/** Owners, admins and managers keep the parts list; technicians read it. */
export const canEditParts = (role: Role): boolean => role !== "technician";
/** Cutting a part's QuickBooks link changes what invoices post to, so it is a QuickBooks setting. */
export const canUnlinkParts = canManageQuickBooks;

/** Where a linked item opens in QuickBooks Online (`appUrl`: Me.quickBooksAppUrl). */
export const quickBooksItemUrl = (ref: string, appUrl = QBO_APP_URL): string =>
  `${appUrl}/item?itemId=${encodeURIComponent(ref)}`;

/** Any string: a malformed id is answered 404 like a missing part, not 400 (docs/api.md). */
export const PartIdParamsSchema = z.object({ id: z.string() });
export const PartAdjustmentParamsSchema = z.object({ id: z.string(), adjustmentId: z.string() });
