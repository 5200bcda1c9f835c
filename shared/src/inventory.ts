import { z } from "zod";
import { DecimalStringSchema } from "./decimal.js";
import { PageQuerySchema, QueryBooleanSchema, pageOf } from "./paging.js";

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
});
export type PartListQuery = z.infer<typeof PartListQuerySchema>;

export const PartListSchema = pageOf(PartSchema);
export type PartList = z.infer<typeof PartListSchema>;

export const PartInputSchema = z.strictObject({
  kind: PartKindSchema,
  description: z.string().trim().min(1).max(500),
  note: z.string().max(4000).default(""),
  partNumber: z.string().trim().max(100).default(""),
  vendorName: z.string().trim().max(200).nullable().default(null),
  cost: DecimalStringSchema.default("0"),
  retailCost: DecimalStringSchema.default("0"),
  quantityAvailable: DecimalStringSchema.nullable().default(null),
  criticalQuantity: DecimalStringSchema.nullable().default(null),
});
export type PartInput = z.infer<typeof PartInputSchema>;
export const PartPatchSchema = PartInputSchema.partial();
