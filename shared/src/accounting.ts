import { z } from "zod";

/** Shopmonkey's sales categories; each posts to one QuickBooks product/service when invoiced. */
export const SalesCategorySchema = z.enum([
  "parts",
  "labor",
  "tires",
  "fees",
  "subcontracts",
  "shop_supplies",
]);
export type SalesCategory = z.infer<typeof SalesCategorySchema>;
export const SALES_CATEGORIES = SalesCategorySchema.options;

/** QuickBooks Item Ids per category; null until an owner or admin picks one. */
export const CategoryItemsSchema = z.object({
  parts: z.string().nullable(),
  labor: z.string().nullable(),
  tires: z.string().nullable(),
  fees: z.string().nullable(),
  subcontracts: z.string().nullable(),
  shop_supplies: z.string().nullable(),
});
export type CategoryItems = z.infer<typeof CategoryItemsSchema>;

export const AccountingSettingsSchema = z.object({
  categoryItems: CategoryItemsSchema,
  autoSendInvoices: z.boolean(),
  /** The Expense/COGS account stock adjustments are booked against; null: QuickBooks' default. */
  adjustmentAccountId: z.string().nullable(),
});
export type AccountingSettings = z.infer<typeof AccountingSettingsSchema>;

const ItemIdSchema = z
  .string()
  .trim()
  .regex(/^\d{1,20}$/, "Expected a QuickBooks item id");

export const AccountingSettingsInputSchema = z.strictObject({
  categoryItems: z.strictObject({
    parts: ItemIdSchema.nullable(),
    labor: ItemIdSchema.nullable(),
    tires: ItemIdSchema.nullable(),
    fees: ItemIdSchema.nullable(),
    subcontracts: ItemIdSchema.nullable(),
    shop_supplies: ItemIdSchema.nullable(),
  }),
  autoSendInvoices: z.boolean(),
  /** Omitted: unchanged; null: back to the default account. */
  adjustmentAccountId: z
    .string()
    .trim()
    .regex(/^\d{1,20}$/, "Expected a QuickBooks account id")
    .nullable()
    .optional(),
});
export type AccountingSettingsInput = z.infer<typeof AccountingSettingsInputSchema>;

/** Only these types can back a category: an Inventory item would move stock on every line. */
export const MappableItemTypeSchema = z.enum(["Service", "NonInventory"]);
export type MappableItemType = z.infer<typeof MappableItemTypeSchema>;

export const QuickBooksItemsQuerySchema = z.object({
  types: z
    .string()
    .default("Service,NonInventory")
    .transform((s) => s.split(",").map((t) => t.trim()))
    .pipe(z.array(MappableItemTypeSchema).min(1)),
});

export const QuickBooksItemOptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
});
export type QuickBooksItemOption = z.infer<typeof QuickBooksItemOptionSchema>;
export const QuickBooksItemListSchema = z.object({ items: z.array(QuickBooksItemOptionSchema) });
export type QuickBooksItemList = z.infer<typeof QuickBooksItemListSchema>;

/** An account a stock adjustment may be booked against (Expense or Cost of Goods Sold). */
export const AdjustmentAccountOptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  subType: z.string().nullable(),
});
export type AdjustmentAccountOption = z.infer<typeof AdjustmentAccountOptionSchema>;
export const AdjustmentAccountListSchema = z.object({
  items: z.array(AdjustmentAccountOptionSchema),
  /** What is used while the shop has chosen none. */
  defaultId: z.string().nullable(),
});
export type AdjustmentAccountList = z.infer<typeof AdjustmentAccountListSchema>;
