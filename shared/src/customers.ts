import { z } from "zod";
import { PageQuerySchema, QueryBooleanSchema, pageOf } from "./paging.js";
import { QBO_APP_URL } from "./session.js";

export const CustomerSchema = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  companyName: z.string(),
  email: z.string(),
  phone: z.string(),
  address1: z.string(),
  address2: z.string(),
  city: z.string(),
  state: z.string(),
  postalCode: z.string(),
  country: z.string(),
  note: z.string(),
  quickBooksCustomerRef: z.string().nullable(),
  updatedAt: z.string(),
});
export type Customer = z.infer<typeof CustomerSchema>;

export const CustomerListQuerySchema = PageQuerySchema.extend({
  search: z.string().trim().max(200).optional(),
  linked: QueryBooleanSchema.optional(),
});
export type CustomerListQuery = z.infer<typeof CustomerListQuerySchema>;

export const CustomerListSchema = pageOf(CustomerSchema);
export type CustomerList = z.infer<typeof CustomerListSchema>;

/** Where a linked customer opens in QuickBooks Online (`appUrl`: Me.quickBooksAppUrl). */
export const quickBooksCustomerUrl = (ref: string, appUrl = QBO_APP_URL): string =>
  `${appUrl}/customerdetail?nameId=${encodeURIComponent(ref)}`;

/** Any string: a malformed id is answered 404 like a missing customer, not 400 (docs/api.md). */
export const CustomerIdParamsSchema = z.object({ id: z.string() });
