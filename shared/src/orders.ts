import { z } from "zod";
import { SalesCategorySchema } from "./accounting.js";
import { DecimalStringSchema } from "./decimal.js";
import { ErrorReasonSchema } from "./errors.js";
import { ReasonParamsSchema } from "./skip-reasons.js";
import { type Role, canManageQuickBooks } from "./session.js";

const PositiveDecimalSchema = DecimalStringSchema.refine(
  (v) => /[1-9]/.test(v) && !v.startsWith("-"),
  {
    message: "Expected more than zero",
    params: { reason: "more_than_zero" },
  },
);
const NonNegativeDecimalSchema = DecimalStringSchema.refine((v) => !v.startsWith("-"), {
  message: "Expected zero or more",
  params: { reason: "zero_or_more" },
});

export const OtherLineKindSchema = SalesCategorySchema.exclude(["parts"]);
export const OrderLineKindSchema = z.enum(["part", ...OtherLineKindSchema.options]);
export type OrderLineKind = z.infer<typeof OrderLineKindSchema>;

const PartLineInputSchema = z.strictObject({
  kind: z.literal("part"),
  partId: z.string().min(1),
  quantity: PositiveDecimalSchema,
  /** Omitted: the part's retail price. */
  unitPrice: NonNegativeDecimalSchema.optional(),
});
const OtherLineInputSchema = z.strictObject({
  kind: OtherLineKindSchema,
  description: z.string().trim().min(1).max(500),
  quantity: PositiveDecimalSchema,
  unitPrice: NonNegativeDecimalSchema,
});
export const OrderLineInputSchema = z.discriminatedUnion("kind", [
  PartLineInputSchema,
  OtherLineInputSchema,
]);
export type OrderLineInput = z.infer<typeof OrderLineInputSchema>;

export const OrderInputSchema = z.strictObject({
  customerId: z.string().min(1),
  lines: z.array(OrderLineInputSchema).min(1).max(200),
});
export type OrderInput = z.infer<typeof OrderInputSchema>;
export const OrderPatchSchema = OrderInputSchema.partial();
export type OrderPatch = z.infer<typeof OrderPatchSchema>;

export const OrderLineSchema = z.object({
  id: z.string(),
  kind: OrderLineKindSchema,
  partId: z.string().nullable(),
  description: z.string(),
  quantity: z.string(),
  unitPrice: z.string(),
  /** round2(quantity × unitPrice), half-up: what QuickBooks checks (error 6070). */
  amount: z.string(),
  /** Part lines: the part's QuickBooks item (its quantity moves in QuickBooks too). */
  quickBooksItemRef: z.string().nullable(),
  tracksStock: z.boolean(),
});
export type OrderLine = z.infer<typeof OrderLineSchema>;

export const QuickBooksSendStatusSchema = z.enum([
  "not_sent",
  "pending",
  "sent",
  "failed",
  "out_of_date",
]);
export type QuickBooksSendStatus = z.infer<typeof QuickBooksSendStatusSchema>;

export const OrderQuickBooksSchema = z.object({
  status: QuickBooksSendStatusSchema,
  invoiceId: z.string().optional(),
  /** The invoice's number in QuickBooks (the order number, or SM-<number> after a collision). */
  docNumber: z.string().optional(),
  /** A send QuickBooks refused as a duplicate number (6140): the number the next send uses. */
  nextDocNumber: z.string().optional(),
  lastSentAt: z.string().optional(),
  /** Where the invoice opens in QuickBooks Online. */
  link: z.string().optional(),
  /** `message` is English (Intuit's words for a refusal); `reason` + `params` say it in the reader's. */
  error: z
    .object({
      code: z.string().optional(),
      message: z.string(),
      reason: z.optional(ErrorReasonSchema),
      params: z.optional(ReasonParamsSchema),
    })
    .optional(),
});
export type OrderQuickBooks = z.infer<typeof OrderQuickBooksSchema>;

/** A part that went below zero when this order was invoiced (allowed, but shown). */
export const StockWarningSchema = z.object({
  partId: z.string(),
  description: z.string(),
  quantityAfter: z.string(),
});
export type StockWarning = z.infer<typeof StockWarningSchema>;

export const OrderCustomerSchema = z.object({
  id: z.string(),
  name: z.string(),
  quickBooksCustomerRef: z.string().nullable(),
});

export const OrderSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  status: z.enum(["open", "invoiced"]),
  customer: OrderCustomerSchema,
  lines: z.array(OrderLineSchema),
  total: z.string(),
  revision: z.number().int(),
  invoicedAt: z.string().optional(),
  stockWarnings: z.array(StockWarningSchema),
  quickBooks: OrderQuickBooksSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Order = z.infer<typeof OrderSchema>;

export const OrderSummarySchema = OrderSchema.pick({
  id: true,
  number: true,
  status: true,
  customer: true,
  total: true,
  quickBooks: true,
  updatedAt: true,
});
export type OrderSummary = z.infer<typeof OrderSummarySchema>;
export const OrderListSchema = z.object({ items: z.array(OrderSummarySchema) });
export type OrderList = z.infer<typeof OrderListSchema>;

export const OrderListQuerySchema = z.object({
  status: z.enum(["open", "invoiced"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

/** Any string: a malformed id is answered 404 like a missing order (docs/api.md). */
export const OrderIdParamsSchema = z.object({ id: z.string() });

/** Managers and above invoice and send; owners and admins map accounting. */
export const canEditOrders = (role: Role): boolean => role !== "technician";
export const canConfigureAccounting = canManageQuickBooks;

/** Where an invoice opens in QuickBooks Online. */
export const quickBooksInvoiceUrl = (id: string): string =>
  `https://app.qbo.intuit.com/app/invoice?txnId=${encodeURIComponent(id)}`;
