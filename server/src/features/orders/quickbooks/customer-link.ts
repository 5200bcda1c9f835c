import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { customers } from "../../../db/schema/index.js";
import type { QboClient } from "../../../integrations/qbo/client.js";
import { isFault } from "../../../integrations/qbo/errors.js";
import { type CustomerRow, customerName } from "../orders.mapper.js";
import { quoteQuery } from "./quickbooks-invoice.js";

interface QboCustomer {
  Id: string;
  DisplayName?: string;
  Notes?: string;
  PrimaryEmailAddr?: { Address?: string };
  PrimaryPhone?: { FreeFormNumber?: string };
  Mobile?: { FreeFormNumber?: string };
}

const marker = (id: string) => `Shopmonkey customer ${id}`;
const digits = (s: string | undefined) => (s ?? "").replace(/\D/g, "");
/** DisplayName may not contain a colon, tab or newline (docs/quickbooks.md §4.2). */
const displayNameOf = (c: CustomerRow) =>
  customerName(c)
    .replace(/[:\t\n]/g, " ")
    .slice(0, 480);

/**
 * The same person, not just the same name: our own marker, or a matching email, or (neither
 * side having an email) a matching phone. With nothing to compare we assume a namesake, since
 * posting an invoice to a stranger's account is worse than a "(2)" in a name.
 */
function samePerson(c: CustomerRow, q: QboCustomer): boolean {
  if (q.Notes?.includes(marker(c.id))) return true;
  const email = q.PrimaryEmailAddr?.Address?.trim().toLowerCase() ?? "";
  const ours = c.email.trim().toLowerCase();
  if (email && ours) return email === ours;
  if (email || ours) return false;
  const phone = digits(q.PrimaryPhone?.FreeFormNumber) || digits(q.Mobile?.FreeFormNumber);
  return phone !== "" && phone === digits(c.phone);
}

function customerBody(c: CustomerRow, displayName: string) {
  return {
    DisplayName: displayName,
    ...(c.firstName ? { GivenName: c.firstName.slice(0, 100) } : {}),
    ...(c.lastName ? { FamilyName: c.lastName.slice(0, 100) } : {}),
    ...(c.companyName ? { CompanyName: c.companyName.slice(0, 100) } : {}),
    ...(c.email.includes("@") ? { PrimaryEmailAddr: { Address: c.email } } : {}),
    ...(c.phone ? { PrimaryPhone: { FreeFormNumber: c.phone } } : {}),
    BillAddr: {
      Line1: c.address1,
      Line2: c.address2,
      City: c.city,
      CountrySubDivisionCode: c.state,
      PostalCode: c.postalCode,
      Country: c.country,
    },
    Notes: marker(c.id),
  };
}

/**
 * The customer's QuickBooks Id, linking or creating it once. Every create carries a requestid
 * derived from the customer (and the name tried), so retries replay instead of duplicating; a
 * DisplayName collision (6240) links the existing customer when it is the same person and
 * otherwise tries "Name (2)", "Name (3)"…
 */
export async function ensureQuickBooksCustomer(
  db: Db,
  client: QboClient,
  realmId: string,
  c: CustomerRow,
): Promise<string> {
  if (c.quickBooksCustomerRef && c.quickBooksRealmId === realmId) return c.quickBooksCustomerRef;
  const base = displayNameOf(c);
  for (let n = 1; n <= 20; n++) {
    const name = n === 1 ? base : `${base} (${n})`;
    try {
      const res = await client.call<{ Customer: QboCustomer }>(c.shopId, {
        method: "POST",
        path: "customer",
        body: customerBody(c, name),
        requestId: `cust-${c.id}-${n}`,
      });
      return link(db, c, realmId, res.Customer.Id);
    } catch (err) {
      if (!isFault(err, "6240")) throw err;
      const existing = await findByDisplayName(client, c.shopId, name);
      if (existing && samePerson(c, existing) && !(await linkedElsewhere(db, c, existing.Id)))
        return link(db, c, realmId, existing.Id);
    }
  }
  throw new Error(`no free QuickBooks DisplayName for customer ${c.id}`);
}

async function findByDisplayName(client: QboClient, shopId: string, name: string) {
  const res = await client.call<{ QueryResponse?: { Customer?: QboCustomer[] } }>(shopId, {
    method: "GET",
    path: "query",
    query: { query: `select * from Customer where DisplayName = ${quoteQuery(name)}` },
  });
  return res.QueryResponse?.Customer?.[0];
}

async function linkedElsewhere(db: Db, c: CustomerRow, ref: string): Promise<boolean> {
  const [row] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.shopId, c.shopId), eq(customers.quickBooksCustomerRef, ref)));
  return row !== undefined && row.id !== c.id;
}

/** First link wins: a concurrent send that linked already leaves its ref in place. */
async function link(db: Db, c: CustomerRow, realmId: string, ref: string): Promise<string> {
  await db
    .update(customers)
    .set({ quickBooksCustomerRef: ref, quickBooksRealmId: realmId })
    .where(
      and(
        eq(customers.shopId, c.shopId),
        eq(customers.id, c.id),
        isNull(customers.quickBooksCustomerRef),
      ),
    );
  const [row] = await db
    .select({ ref: customers.quickBooksCustomerRef })
    .from(customers)
    .where(and(eq(customers.shopId, c.shopId), eq(customers.id, c.id)));
  return row?.ref ?? ref;
}
