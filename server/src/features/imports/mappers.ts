import type { z } from "zod";
import { type QboCustomer, storableLabel } from "../../integrations/qbo/schemas.js";
import { countryCode } from "./country.js";
import type { RecordOutcome, SkipReason } from "./records.repository.js";

export interface CustomerFields {
  firstName: string;
  lastName: string;
  companyName: string;
  email: string;
  phone: string;
  address1: string;
  address2: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
  note: string;
  quickBooksCustomerRef: string;
}

export function toCustomerFields(c: QboCustomer): CustomerFields {
  const firstName = c.GivenName?.trim() ?? "";
  const lastName = c.FamilyName?.trim() ?? "";
  const company = c.CompanyName?.trim() ?? "";
  // Without a person or company name, DisplayName is the only name the shop gave this customer.
  const companyName = company || (firstName || lastName ? "" : (c.DisplayName?.trim() ?? ""));
  const addr = c.BillAddr;
  return {
    firstName,
    lastName,
    companyName,
    email: c.PrimaryEmailAddr?.Address?.trim() ?? "",
    phone: c.PrimaryPhone?.FreeFormNumber?.trim() || c.Mobile?.FreeFormNumber?.trim() || "",
    address1: addr?.Line1 ?? "",
    address2: addr?.Line2 ?? "",
    city: addr?.City ?? "",
    state: addr?.CountrySubDivisionCode ?? "",
    postalCode: addr?.PostalCode ?? "",
    country: countryCode(addr?.Country),
    note: c.Notes ?? "",
    quickBooksCustomerRef: c.Id,
  };
}

/** Sub-customers are QuickBooks projects, not people (docs/product.md): skipped with this reason. */
export const SUB_CUSTOMER_REASON: SkipReason = { code: "sub_customer" };

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: SkipReason };

/** A record that fails the lenient schema is skipped, naming the first bad field. */
export function parseRecord<S extends z.ZodType>(schema: S, raw: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join(".") || "record";
  return { ok: false, reason: { code: "invalid_data", params: { field: path } } };
}

/**
 * A chunk of QuickBooks rows through `schema`: the valid ones, and a "skipped" record naming
 * the first invalid field of each other one (identified by its Id, else its place in the page).
 */
export function parseRows<S extends z.ZodType>(
  schema: S,
  rows: readonly unknown[],
  pageIndex: number,
  /** Where `rows` start in the page (pages are written in chunks on the embedded database). */
  offset: number,
): { valid: z.infer<S>[]; skipped: RecordOutcome[] } {
  const valid: z.infer<S>[] = [];
  const skipped: RecordOutcome[] = [];
  rows.forEach((raw, i) => {
    const parsed = parseRecord(schema, raw);
    if (parsed.ok) valid.push(parsed.value);
    else
      skipped.push({
        quickBooksId: quickBooksIdOf(raw, `invalid-${pageIndex}-${offset + i}`),
        name: displayNameOf(raw),
        outcome: "skipped",
        reason: parsed.reason,
      });
  });
  return { valid, skipped };
}

/**
 * The name a person would recognize in the per-record list, even for an invalid record (whose
 * NUL or broken surrogate, the reason it was skipped, is shown as U+FFFD so the list can hold it).
 */
export function displayNameOf(raw: unknown): string {
  if (typeof raw !== "object" || raw === null) return "";
  const r = raw as Record<string, unknown>;
  for (const key of ["Name", "DisplayName", "FullyQualifiedName"]) {
    const v = r[key];
    if (typeof v === "string" && v) return storableLabel(v);
  }
  return "";
}

export function quickBooksIdOf(raw: unknown, fallback: string): string {
  const id =
    typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>).Id : undefined;
  return typeof id === "string" && id ? storableLabel(id) : fallback;
}
