import type { CustomerListQuery } from "@app/shared";
import { type SQL, and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { customerSearchText, customerSortName, customers } from "../../db/schema/index.js";
import { containsPattern } from "../../lib/sql-text.js";
import type { CustomerRow } from "./customers.mapper.js";

/** Scoped by shop; the search expression is the one the trigram index is built on. */
function customerFilters(shopId: string, q: CustomerListQuery): SQL {
  const filters: SQL[] = [eq(customers.shopId, shopId)];
  if (q.search) {
    filters.push(sql`(${customerSearchText(customers)}) ilike ${containsPattern(q.search)}`);
  }
  if (q.linked === true) filters.push(isNotNull(customers.quickBooksCustomerRef));
  if (q.linked === false) filters.push(isNull(customers.quickBooksCustomerRef));
  return and(...filters) ?? sql`false`;
}

export async function listCustomers(
  db: Db,
  shopId: string,
  q: CustomerListQuery,
): Promise<{ rows: CustomerRow[]; total: number }> {
  const where = customerFilters(shopId, q);
  const [rows, counted] = await Promise.all([
    db
      .select()
      .from(customers)
      .where(where)
      .orderBy(customerSortName(customers), customers.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(customers)
      .where(where),
  ]);
  return { rows, total: counted[0]?.n ?? 0 };
}

export async function findCustomer(
  db: Db,
  shopId: string,
  id: string,
): Promise<CustomerRow | undefined> {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.shopId, shopId), eq(customers.id, id)));
  return row;
}
