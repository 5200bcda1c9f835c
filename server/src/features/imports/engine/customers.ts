import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../db/client.js";
import { type QboCustomer, QboCustomerSchema } from "../../../integrations/qbo/schemas.js";
import { SUB_CUSTOMER_REASON, parseRows, toCustomerFields } from "../mappers.js";
import type { RecordOutcome } from "../records.repository.js";

export interface CustomersRun {
  jobId: string;
  shopId: string;
  /** The company every link this run writes belongs to (the job's). */
  realmId: string;
  dryRun: boolean;
}

const nameOf = (c: QboCustomer) =>
  c.DisplayName ?? ([c.GivenName, c.FamilyName].filter(Boolean).join(" ") || c.CompanyName || "");

/** A chunk of QuickBooks customers parsed: the ones to write, and a record for each skipped. */
export interface ParsedCustomers {
  people: QboCustomer[];
  skipped: RecordOutcome[];
}

/** Pure (no database): done before the chunk's transaction opens. Projects are skipped. */
export function parseCustomers(
  rows: readonly unknown[],
  pageIndex: number,
  offset = 0,
): ParsedCustomers {
  const { valid, skipped } = parseRows(QboCustomerSchema, rows, pageIndex, offset);
  const people: QboCustomer[] = [];
  for (const c of valid)
    if (c.Job === true)
      skipped.push({
        quickBooksId: c.Id,
        name: nameOf(c),
        outcome: "skipped",
        reason: SUB_CUSTOMER_REASON,
      });
    else people.push(c);
  return { people, skipped };
}

/** A chunk of parsed customers, inside its transaction: matched by stored reference, else created. */
export async function writeParsedCustomers(
  tx: Db,
  run: CustomersRun,
  { people, skipped }: ParsedCustomers,
): Promise<RecordOutcome[]> {
  const records = [...skipped];
  if (people.length === 0) return records;
  if (run.dryRun) {
    const linked = await linkedCustomerIds(
      tx,
      run.shopId,
      people.map((c) => c.Id),
    );
    for (const c of people) {
      const id = linked.get(c.Id);
      records.push(
        id
          ? { quickBooksId: c.Id, name: nameOf(c), outcome: "updated", recordId: id }
          : { quickBooksId: c.Id, name: nameOf(c), outcome: "imported" },
      );
    }
    return records;
  }
  const written = await upsertCustomers(tx, run.shopId, run.realmId, people);
  for (const c of people) {
    const w = written.get(c.Id);
    if (!w) throw new Error(`customer for QuickBooks customer ${c.Id} was not written`);
    records.push({
      quickBooksId: c.Id,
      name: nameOf(c),
      outcome: w.inserted ? "imported" : "updated",
      recordId: w.id,
      ...(w.before ? { before: w.before } : {}),
    });
  }
  return records;
}

/** Our customers linked to these: one unique-index lookup each (see upsert-parts.ts's `old`). */
async function linkedCustomerIds(tx: Db, shopId: string, refs: readonly string[]) {
  if (refs.length === 0) return new Map<string, string>();
  const rows = rowsOf<{ id: string; ref: string }>(
    await tx.execute(sql`
      select c.id, r.ref from jsonb_array_elements_text(${JSON.stringify(refs)}::jsonb) as r(ref)
      cross join lateral (
        select id from customers
        where shop_id = ${shopId} and quickbooks_customer_ref = r.ref offset 0
      ) c`),
  );
  return new Map(rows.map((r) => [r.ref, r.id]));
}

/** The columns an import writes, as they were: what an undo puts back. */
export const CUSTOMER_BEFORE_COLUMNS = [
  "first_name",
  "last_name",
  "company_name",
  "email",
  "phone",
  "address1",
  "address2",
  "city",
  "state",
  "postal_code",
  "country",
  "note",
  "quickbooks_customer_ref",
  "quickbooks_realm_id",
  "updated_at",
] as const;

const WRITTEN = CUSTOMER_BEFORE_COLUMNS.slice(0, 12) as readonly Exclude<
  (typeof CUSTOMER_BEFORE_COLUMNS)[number],
  "quickbooks_customer_ref" | "quickbooks_realm_id" | "updated_at"
>[];
const INPUT_NAMES: Record<(typeof WRITTEN)[number], string> = {
  first_name: `r."firstName"`,
  last_name: `r."lastName"`,
  company_name: `r."companyName"`,
  email: "r.email",
  phone: "r.phone",
  address1: "r.address1",
  address2: "r.address2",
  city: "r.city",
  state: "r.state",
  postal_code: `r."postalCode"`,
  country: "r.country",
  note: "r.note",
};
// As for parts (upsert-parts.ts): an unchanged customer keeps only its updated_at and link.
const beforeOf = sql.raw(`case
  when (${WRITTEN.map((c) => `c.${c}`).join(", ")}) is not distinct from (${WRITTEN.map((c) => INPUT_NAMES[c]).join(", ")})
  then jsonb_build_object('updated_at', c.updated_at, 'quickbooks_customer_ref', c.quickbooks_customer_ref,
                          'quickbooks_realm_id', c.quickbooks_realm_id)
  else jsonb_build_object(${CUSTOMER_BEFORE_COLUMNS.map((col) => `'${col}', c.${col}`).join(", ")}) end`);

/**
 * One multi-row upsert per page keyed on (shop, QuickBooks customer ref); the same statement
 * returns each updated customer's fields as they were (the `old` CTE sees the pre-statement rows).
 */
async function upsertCustomers(
  tx: Db,
  shopId: string,
  realmId: string,
  people: readonly QboCustomer[],
) {
  const input = people.map(toCustomerFields);
  const result = await tx.execute(sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as r(
        "firstName" text, "lastName" text, "companyName" text, email text, phone text, address1 text,
        address2 text, city text, state text, "postalCode" text, country text, note text, "quickBooksCustomerRef" text)
    ),
    old as (
      select c.quickbooks_customer_ref as ref, ${beforeOf} as before
      from input r cross join lateral (
        select * from customers
        where shop_id = ${shopId} and quickbooks_customer_ref = r."quickBooksCustomerRef" offset 0
      ) c
    ),
    up as (
      insert into customers (shop_id, first_name, last_name, company_name, email, phone, address1, address2,
                             city, state, postal_code, country, note, quickbooks_customer_ref,
                             quickbooks_realm_id)
      select ${shopId}, r."firstName", r."lastName", r."companyName", r.email, r.phone, r.address1, r.address2,
             r.city, r.state, r."postalCode", r.country, r.note, r."quickBooksCustomerRef", ${realmId}
      from input r
      on conflict (shop_id, quickbooks_customer_ref) do update set
        first_name = excluded.first_name, last_name = excluded.last_name, company_name = excluded.company_name,
        email = excluded.email, phone = excluded.phone, address1 = excluded.address1, address2 = excluded.address2,
        city = excluded.city, state = excluded.state, postal_code = excluded.postal_code, country = excluded.country,
        note = excluded.note, updated_at = now()
      returning id, quickbooks_customer_ref as ref, (xmax = 0) as inserted
    )
    select up.id, up.ref, up.inserted, old.before from up left join old on old.ref = up.ref`);
  type Row = { id: string; ref: string; inserted: boolean; before: Record<string, unknown> | null };
  return new Map(
    rowsOf<Row>(result).map((r) => [
      r.ref,
      {
        id: r.id,
        inserted: r.inserted,
        ...(r.before && !r.inserted ? { before: r.before } : {}),
      },
    ]),
  );
}
