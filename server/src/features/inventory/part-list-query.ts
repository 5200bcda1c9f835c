import type { PartListQuery } from "@app/shared";
import { type SQL, and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { partSearchText, parts } from "../../db/schema/index.js";
import { containsPattern } from "../../lib/sql-text.js";

type Sort = PartListQuery["sort"];

/**
 * Every filter of the list, always scoped by shop. Each predicate is written to match an index
 * of db/schema/inventory.ts exactly (the trigram expression, the low-stock partial predicate).
 */
export function partFilters(shopId: string, q: PartListQuery): SQL {
  const filters: (SQL | undefined)[] = [eq(parts.shopId, shopId)];
  if (q.search) {
    const pattern = containsPattern(q.search);
    // `= any(array(...))` (not `in (select …)`) keeps the vendor arm indexable, so PostgreSQL
    // can OR it with the trigram index as bitmaps instead of scanning every part.
    filters.push(
      sql`((${partSearchText(parts)}) ilike ${pattern} or ${parts.vendorId} = any(array(
        select sv.id from vendors sv where sv.shop_id = ${shopId} and sv.name ilike ${pattern})))`,
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

/** ORDER BY for a sort key, with the id as a tiebreak so pages never overlap or skip rows. */
export function partOrder(sort: Sort): SQL[] {
  const desc = sort.startsWith("-");
  const key = (desc ? sort.slice(1) : sort) as keyof typeof SORT_COLUMNS;
  const column = SORT_COLUMNS[key];
  if (!desc) return [sql`${column} asc`, sql`${parts.id} asc`];
  // Untracked (non-inventory) parts have no quantity: they go last both ways, not first.
  if (key === "quantityAvailable") {
    return [sql`${column} desc nulls last`, sql`${parts.id} desc nulls last`];
  }
  return [sql`${column} desc`, sql`${parts.id} desc`];
}
