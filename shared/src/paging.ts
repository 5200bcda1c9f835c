import { z } from "zod";

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

/** Query-string booleans: only the words "true" and "false" are accepted. */
export const QueryBooleanSchema = z.enum(["true", "false"]).transform((v) => v === "true");
