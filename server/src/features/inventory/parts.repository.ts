import type { PartListQuery } from "@app/shared";
import { type SQL, and, eq, getTableColumns, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { parts, vendors } from "../../db/schema/index.js";
import type { ListedPart, PartRow } from "./inventory.mapper.js";
import { type ListShape, bound, partFilters, partOrder, partsAfter } from "./part-list-query.js";
import { containsPattern } from "../../lib/sql-text.js";
import { vendorIdsMatching } from "./vendors.repository.js";

export type PartWrite = Omit<
  typeof parts.$inferInsert,
  "id" | "shopId" | "quickBooksItemRef" | "createdAt" | "updatedAt"
>;

const withVendor = { ...getTableColumns(parts), vendorName: vendors.name };

export async function findPart(db: Db, shopId: string, id: string): Promise<PartRow | undefined> {
  const [row] = await db
    .select(withVendor)
    .from(parts)
    .leftJoin(vendors, eq(vendors.id, parts.vendorId))
    .where(and(eq(parts.shopId, shopId), eq(parts.id, id)));
  return row;
}

/**
 * Totals are counted exactly up to this many parts; past it the list says "more than 1,000".
 * Counting a whole shop walks every matching index entry: at 100,000 parts that cost more than
 * the page itself (docs/performance.md).
 */
export const EXACT_TOTAL_LIMIT = 1_000;

/**
 * A search counts only up to 200 ("of more than 200"): counting a "contains" search tests the
 * term against every part it passes, about 13 parts per match for a common word, so counting
 * to 1,000 cost more than everything else in the request (docs/performance.md).
 */
export const EXACT_SEARCH_TOTAL_LIMIT = 200;

const exactTotalLimit = (q: Pick<PartListQuery, "search">) =>
  q.search ? EXACT_SEARCH_TOTAL_LIMIT : EXACT_TOTAL_LIMIT;

export interface PartListPage {
  rows: ListedPart[];
  /** The number of matching parts when totalExact; otherwise there are more than this. */
  total: number;
  totalExact: boolean;
}

/** What the list shows of a part (toPart): not the search text, realm or creation time. */
const listed = {
  id: parts.id,
  kind: parts.kind,
  description: parts.description,
  note: parts.note,
  partNumber: parts.partNumber,
  vendorId: parts.vendorId,
  vendorName: vendors.name,
  cost: parts.cost,
  retailCost: parts.retailCost,
  quantityAvailable: parts.quantityAvailable,
  criticalQuantity: parts.criticalQuantity,
  quickBooksItemRef: parts.quickBooksItemRef,
  updatedAt: parts.updatedAt,
};

/** How many parts match, counting no further than limit + 1 (a scalar subquery). */
function countUpTo(where: SQL, limit: number) {
  return sql<number>`(select count(*)::int from (select 1 from ${parts} where ${where} limit ${sql.raw(String(limit + 1))}) as capped)`;
}

/**
 * How a page statement is built: its filters, and whether it starts after a cursor, skips
 * rows by number (offset bound), counts, and how many rows it reads. The row counts are written
 * into the SQL: a bound LIMIT would make PostgreSQL plan for a tenth of the table.
 */
interface PageShape extends ListShape {
  after: boolean;
  byNumber: boolean;
  rows: number;
  /** Count up to this (exactTotalLimit), or not at all. */
  countTo: number | null;
}

/**
 * A page of one shape, its values bound at execution. The page is a deferred join: ids are
 * paged on the covering sort index alone, then only those rows are read with their vendor.
 * The count rides in the same statement (one round trip: under load the statement count
 * matters as much as the rows).
 */
function pageStatement(db: Db, shape: PageShape) {
  const where = partFilters(shape);
  const order = partOrder(shape.sort);
  // Written as SQL because drizzle binds a LIMIT as a parameter, and PostgreSQL plans a
  // parameter LIMIT as a tenth of the table: it would never keep one plan for the statement.
  const pageIds = sql`select ${parts.id} from ${parts}
    where ${shape.after ? and(where, partsAfter(shape.sort)) : where}
    order by ${sql.join(order, sql`, `)}
    limit ${sql.raw(String(shape.rows))} ${shape.byNumber ? sql`offset ${bound.offset}` : sql``}`;
  return db
    .select({
      ...listed,
      counted: shape.countTo ? countUpTo(where, shape.countTo) : sql<null>`null`,
    })
    .from(parts)
    .leftJoin(vendors, eq(vendors.id, parts.vendorId))
    .where(and(eq(parts.shopId, bound.shop), sql`${parts.id} in (${pageIds})`))
    .orderBy(...order);
}

type PreparedPage = ReturnType<ReturnType<typeof pageStatement>["prepare"]>;

/**
 * The list's statements without a search, prepared once per shape and database: drizzle builds
 * the SQL once instead of on every request, and PostgreSQL, after a few runs, keeps one plan
 * instead of planning each page (together ~0.9 ms of ~3 a request, docs/performance.md). They
 * plan alike for every shop and page: walk the sort index. Shapes are few (filters × sort ×
 * page size, the SPA asks 50) and each is a statement on each pooled connection. A search is
 * not prepared: how many parts contain the term decides between walking the sort index and the
 * trigram index, so it is planned with its values every time.
 */
const preparedPages = new WeakMap<Db, Map<string, PreparedPage>>();

function preparedPage(db: Db, shape: PageShape) {
  let byShape = preparedPages.get(db);
  if (!byShape) preparedPages.set(db, (byShape = new Map<string, PreparedPage>()));
  const key = JSON.stringify(shape);
  let statement = byShape.get(key);
  if (!statement) {
    statement = pageStatement(db, shape).prepare(`inventory_page_${byShape.size}`);
    byShape.set(key, statement);
  }
  return statement;
}

/**
 * One page and its total. It asks for one row more than the page, so a page that reaches the
 * end of the list knows the total without counting; otherwise the count stops after
 * exactTotalLimit + 1.
 */
export async function listParts(db: Db, shopId: string, q: PartListQuery): Promise<PartListPage> {
  const vendorIds = q.search ? await vendorIdsMatching(db, shopId, q.search) : [];
  const shape: ListShape = {
    search: Boolean(q.search),
    vendors: vendorIds.length > 0,
    kind: Boolean(q.kind),
    linked: q.linked,
    lowStock: Boolean(q.lowStock),
    sort: q.sort,
  };
  const offset = (q.page - 1) * q.pageSize;
  const limit = exactTotalLimit(q);
  // Past the limit, a full page already says "more than the limit": nothing to count.
  const counting = offset + q.pageSize < limit;
  const values = {
    shop: shopId,
    kind: q.kind ?? null,
    pattern: q.search ? containsPattern(q.search) : null,
    vendorIds,
  };
  const readPage = (after: string | undefined) => {
    const page: PageShape = {
      ...shape,
      after: Boolean(after),
      byNumber: !after && offset > 0,
      rows: q.pageSize + 1,
      countTo: counting ? limit : null,
    };
    const bind = { ...values, after: after ?? null, offset };
    return shape.search
      ? pageStatement(db, page).execute(bind)
      : preparedPage(db, page).execute(bind);
  };
  let fetched = await readPage(q.after);
  // The cursor's part was deleted since (or the cursor is stale): the page number still holds.
  if (q.after && fetched.length === 0 && offset > 0) fetched = await readPage(undefined);
  const rows = fetched.slice(0, q.pageSize).map(({ counted: _, ...row }) => row);
  const hasMore = fetched.length > q.pageSize;
  // The last page (or the only one): everything before it plus what it holds.
  if (!hasMore && (rows.length > 0 || offset === 0)) {
    return { rows, total: offset + rows.length, totalExact: true };
  }
  if (hasMore && !counting) return { rows, total: offset + q.pageSize, totalExact: false };
  // An empty page past the end (a stale link) has no row to carry the count.
  let n = fetched[0]?.counted;
  if (n == null) {
    const [row] = await db
      .select({ n: countUpTo(partFilters(shape), limit) })
      .from(sql`(select 1) as one`)
      .execute(values);
    n = row?.n ?? 0;
  }
  return n > limit
    ? { rows, total: limit, totalExact: false }
    : { rows, total: n, totalExact: true };
}

export async function insertPart(db: Db, shopId: string, values: PartWrite): Promise<string> {
  const [row] = await db
    .insert(parts)
    .values({ ...values, shopId })
    .returning({ id: parts.id });
  if (!row) throw new Error("part insert returned no row");
  return row.id;
}

/** Locks the row so a concurrent edit can't slip between reading the old quantity and writing. */
export async function lockPart(db: Db, shopId: string, id: string) {
  const [row] = await db
    .select({
      kind: parts.kind,
      quantityAvailable: parts.quantityAvailable,
      quickBooksItemRef: parts.quickBooksItemRef,
      quickBooksRealmId: parts.quickBooksRealmId,
    })
    .from(parts)
    .where(and(eq(parts.shopId, shopId), eq(parts.id, id)))
    .for("update");
  return row;
}

export async function updatePart(
  db: Db,
  shopId: string,
  id: string,
  values: Partial<PartWrite>,
): Promise<void> {
  await db
    .update(parts)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(parts.shopId, shopId), eq(parts.id, id)));
}
