import { z } from "zod";

/**
 * Raw QuickBooks shapes at the edge: Intuit's PascalCase, lenient (unknown fields kept,
 * missing optional ones tolerated); a record that fails even this is skipped with its reason.
 */

/**
 * Text we can keep byte for byte: PostgreSQL `text` (and `jsonb`) holds no NUL, and UTF-8
 * can't carry half a surrogate pair (the JSON escape `\ud800` is valid, its string isn't).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export const isStorableText = (s: string): boolean =>
  !s.includes("\u0000") && s.search(LONE_SURROGATE) === -1;
/** A label that can be stored whatever it held: each unstorable unit becomes U+FFFD. */
export const storableLabel = (s: string): string =>
  s.replaceAll("\u0000", "\uFFFD").replace(LONE_SURROGATE, "\uFFFD");
const Text = z.string().refine(isStorableText, "contains a NUL or an unpaired surrogate");

/**
 * Money and quantities we can keep exactly: at most 12 digits before the point (our decimal
 * contract, shared/decimal.ts) and at most 15 significant digits, the most a JSON number keeps
 * through a double: a longer literal (12345678901234567890) was already rounded by the parse.
 */
const Num = z
  .number()
  .finite()
  .refine(
    (n) => Math.abs(n) < 1e12 && Number(n.toPrecision(15)) === n,
    "more digits than can be kept exactly",
  );
const Ref = z.looseObject({ value: Text, name: Text.optional() });

export const QboItemSchema = z.looseObject({
  Id: Text,
  SyncToken: Text.optional(),
  Name: Text,
  Sku: Text.optional(),
  Description: Text.optional(),
  Active: z.boolean().optional(),
  Type: Text,
  PrefVendorRef: Ref.optional(),
  PurchaseCost: Num.optional(),
  UnitPrice: Num.optional(),
  QtyOnHand: Num.optional(),
  ReorderPoint: Num.optional(),
  TrackQtyOnHand: z.boolean().optional(),
});
export type QboItem = z.infer<typeof QboItemSchema>;

const Address = z.looseObject({
  Line1: Text.optional(),
  Line2: Text.optional(),
  City: Text.optional(),
  CountrySubDivisionCode: Text.optional(),
  PostalCode: Text.optional(),
  Country: Text.optional(),
});

export const QboCustomerSchema = z.looseObject({
  Id: Text,
  SyncToken: Text.optional(),
  DisplayName: Text.optional(),
  GivenName: Text.optional(),
  FamilyName: Text.optional(),
  CompanyName: Text.optional(),
  PrimaryEmailAddr: z.looseObject({ Address: Text.optional() }).optional(),
  PrimaryPhone: z.looseObject({ FreeFormNumber: Text.optional() }).optional(),
  Mobile: z.looseObject({ FreeFormNumber: Text.optional() }).optional(),
  BillAddr: Address.optional(),
  Notes: Text.optional(),
  Active: z.boolean().optional(),
  Job: z.boolean().optional(),
});
export type QboCustomer = z.infer<typeof QboCustomerSchema>;

export const QboVendorSchema = z.looseObject({
  Id: Text,
  DisplayName: Text,
  Active: z.boolean().optional(),
});
export type QboVendor = z.infer<typeof QboVendorSchema>;

export const QboCompanyInfoSchema = z.looseObject({
  CompanyInfo: z.looseObject({ CompanyName: Text }),
});
