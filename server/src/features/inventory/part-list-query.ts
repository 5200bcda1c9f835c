import type { PartListQuery } from "@app/shared";
import { type SQL, and, eq, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import { parts } from "../../db/schema/index.js";
import { containsPattern } from "../../lib/sql-text.js";

type Sort = PartListQuery["sort"];

/**
 * Every filter of the list, always scoped by shop. Each predicate is written to match an index
 * of db/schema/inventory.ts exactly (the trigram column, the low-stock partial predicate).
 */
export function partFilters(
  shopId: string,
  q: PartListQuery,
  /** Ids of the shop's vendors whose name contains the search term (see vendorIdsMatching). */
  searchVendorIds: readonly string[] = [],
): SQL {
  const filters: (SQL | undefined)[] = [eq(parts.shopId, shopId)];
  if (q.search) {
    // lower() runs in PostgreSQL on both sides, so the term folds exactly as the column did.
    const text = sql`${parts.searchText} like lower(${containsPattern(q.search)})`;
    // Vendor ids arrive as literals: the planner then knows how selective the search is and
    // doesn't walk the whole sort index hoping to fill a page (measured: 90 ms → 2 ms).
    filters.push(
      searchVendorIds.length > 0 ? or(text, inArray(parts.vendorId, [...searchVendorIds])) : text,
    );
  }
  if (q.kind) filters.push(eq(parts.kind, q.kind));
  if (q.linked === true) filters.push(isNotNull(parts.quickBooksItemRef));
  if (q.linked === false) filters.push(isNull(parts.quickBooksItemRef));
  if (q.lowStock) filters.push(sql`${parts.quantityAvailable} <= ${parts.criticalQuantity}`);
  return and(...filters) ?? sql`false`;
}

const SORT_COLUMNS = {
  description: parts.description,
  partNumber: parts.partNumber,
  cost: parts.cost,
  retailCost: parts.retailCost,
  quantityAvailable: parts.quantityAvailable,
  updatedAt: parts.updatedAt,
} as const;

function sortColumn(sort: Sort) {
  const desc = sort.startsWith("-");
  const key = (desc ? sort.slice(1) : sort) as keyof typeof SORT_COLUMNS;
  return { desc, key, column: SORT_COLUMNS[key] };
}

/** ORDER BY for a sort key, with the id as a tiebreak so pages never overlap or skip rows. */
export function partOrder(sort: Sort): SQL[] {
  const { desc, key, column } = sortColumn(sort);
  if (!desc) return [sql`${column} asc`, sql`${parts.id} asc`];
  // Untracked (non-inventory) parts have no quantity: they go last both ways, not first.
  if (key === "quantityAvailable") {
    return [sql`${column} desc nulls last`, sql`${parts.id} desc nulls last`];
  }
  return [sql`${column} desc`, sql`${parts.id} desc`];
}

/**
 * The parts that come after part `afterId` in partOrder(sort): keyset paging, so a deep page
 * starts at the previous page's last row instead of walking every row before it. The cursor's
 * sort value is read in the same statement (a JavaScript Date would drop updated_at's
 * microseconds), and (column, id) is compared as one row value, which PostgreSQL turns into a
 * bound of the sort index. A cursor part that no longer exists matches nothing.
 */
export function partsAfter(shopId: string, sort: Sort, afterId: string): SQL {
  const { desc, key, column } = sortColumn(sort);
  const op = sql.raw(desc ? "<" : ">");
  const id = sql`${afterId}::uuid`;
  const cursorValue = sql`(select ${column} from ${parts} where ${parts.shopId} = ${shopId} and ${parts.id} = ${id})`;
  const beyond = sql`(${column}, ${parts.id}) ${op} (${cursorValue}, ${id})`;
  if (key !== "quantityAvailable") return beyond;
  // Untracked parts (no quantity) come last both ways, ordered by id among themselves; a row
  // comparison with a null is never true, so they are added by hand. Correct, but PostgreSQL
  // then filters instead of seeking: a deep page of this sort still walks the rows before it.
  return sql`(${beyond} or (${column} is null and (${cursorValue} is not null or ${parts.id} ${op} ${id})))`;
}
