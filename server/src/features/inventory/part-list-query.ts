import type { PartListQuery } from "@app/shared";
import { type SQL, type SQLWrapper, and, eq, isNotNull, isNull, or, sql } from "drizzle-orm";
import { parts } from "../../db/schema/index.js";

type Sort = PartListQuery["sort"];

/**
 * What a list statement binds at execution (parts.repository.ts prepares one statement per
 * shape of the list): placeholders, filled from ListValues.
 */
export const bound = {
  shop: sql.placeholder("shop"),
  kind: sql.placeholder("kind"),
  pattern: sql.placeholder("pattern"),
  vendorIds: sql.placeholder("vendorIds"),
  after: sql.placeholder("after"),
  offset: sql.placeholder("offset"),
} satisfies Record<string, SQLWrapper>;

/** Which filters a statement has: the shape of its SQL, whatever the values bound to it. */
export interface ListShape {
  search: boolean;
  /** The search also matches parts of these vendors (the term is in their name). */
  vendors: boolean;
  kind: boolean;
  linked: boolean | undefined;
  lowStock: boolean;
  sort: Sort;
}

/**
 * Every filter of the list, always scoped by shop. Each predicate is written to match an index
 * of db/schema/inventory.ts exactly (the trigram column, the low-stock partial predicate).
 */
export function partFilters(shape: ListShape): SQL {
  const filters: (SQL | undefined)[] = [eq(parts.shopId, bound.shop)];
  if (shape.search) {
    // lower() runs in PostgreSQL on both sides, so the term folds exactly as the column did.
    const text = sql`${parts.searchText} like lower(${bound.pattern})`;
    // Vendor ids are values, not a subquery: planned with them (a search is never a generic
    // plan), PostgreSQL knows how selective the search is and doesn't walk the whole sort
    // index hoping to fill a page (measured: 90 ms → 2 ms).
    filters.push(
      shape.vendors ? or(text, sql`${parts.vendorId} = any(${bound.vendorIds}::uuid[])`) : text,
    );
  }
  if (shape.kind) filters.push(eq(parts.kind, bound.kind));
  if (shape.linked === true) filters.push(isNotNull(parts.quickBooksItemRef));
  if (shape.linked === false) filters.push(isNull(parts.quickBooksItemRef));
  if (shape.lowStock) filters.push(sql`${parts.quantityAvailable} <= ${parts.criticalQuantity}`);
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
 * The parts that come after part `after` (bound) in partOrder(sort): keyset paging, so a deep page
 * starts at the previous page's last row instead of walking every row before it. The cursor's
 * sort value is read in the same statement (a JavaScript Date would drop updated_at's
 * microseconds), and (column, id) is compared as one row value, which PostgreSQL turns into a
 * bound of the sort index. A cursor part that no longer exists matches nothing.
 */
export function partsAfter(sort: Sort): SQL {
  const { desc, key, column } = sortColumn(sort);
  const op = sql.raw(desc ? "<" : ">");
  const id = sql`${bound.after}::uuid`;
  const cursorValue = sql`(select ${column} from ${parts} where ${parts.shopId} = ${bound.shop} and ${parts.id} = ${id})`;
  const beyond = sql`(${column}, ${parts.id}) ${op} (${cursorValue}, ${id})`;
  if (key !== "quantityAvailable") return beyond;
  // Untracked parts (no quantity) come last both ways, ordered by id among themselves; a row
  // comparison with a null is never true, so they are added by hand. Correct, but PostgreSQL
  // then filters instead of seeking: a deep page of this sort still walks the rows before it.
  return sql`(${beyond} or (${column} is null and (${cursorValue} is not null or ${parts.id} ${op} ${id})))`;
}
