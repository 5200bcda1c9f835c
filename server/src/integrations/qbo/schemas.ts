import { z } from "zod";

/**
 * Raw QuickBooks shapes at the edge: Intuit's PascalCase, lenient (unknown fields kept,
 * missing optional ones tolerated); a record that fails even this is skipped with its reason.
 */
const Ref = z.looseObject({ value: z.string(), name: z.string().optional() });
const Num = z.number().finite();

export const QboItemSchema = z.looseObject({
  Id: z.string(),
  SyncToken: z.string().optional(),
  Name: z.string(),
  Sku: z.string().optional(),
  Description: z.string().optional(),
  Active: z.boolean().optional(),
  Type: z.string(),
  PrefVendorRef: Ref.optional(),
  PurchaseCost: Num.optional(),
  UnitPrice: Num.optional(),
  QtyOnHand: Num.optional(),
  ReorderPoint: Num.optional(),
  TrackQtyOnHand: z.boolean().optional(),
});
export type QboItem = z.infer<typeof QboItemSchema>;

const Address = z.looseObject({
  Line1: z.string().optional(),
  Line2: z.string().optional(),
  City: z.string().optional(),
  CountrySubDivisionCode: z.string().optional(),
  PostalCode: z.string().optional(),
  Country: z.string().optional(),
});

export const QboCustomerSchema = z.looseObject({
  Id: z.string(),
  SyncToken: z.string().optional(),
  DisplayName: z.string().optional(),
  GivenName: z.string().optional(),
  FamilyName: z.string().optional(),
  CompanyName: z.string().optional(),
  PrimaryEmailAddr: z.looseObject({ Address: z.string().optional() }).optional(),
  PrimaryPhone: z.looseObject({ FreeFormNumber: z.string().optional() }).optional(),
  Mobile: z.looseObject({ FreeFormNumber: z.string().optional() }).optional(),
  BillAddr: Address.optional(),
  Notes: z.string().optional(),
  Active: z.boolean().optional(),
  Job: z.boolean().optional(),
});
export type QboCustomer = z.infer<typeof QboCustomerSchema>;

export const QboVendorSchema = z.looseObject({
  Id: z.string(),
  DisplayName: z.string(),
  Active: z.boolean().optional(),
});
export type QboVendor = z.infer<typeof QboVendorSchema>;

export const QboCompanyInfoSchema = z.looseObject({
  CompanyInfo: z.looseObject({ CompanyName: z.string() }),
});
