import type { PartListQuery } from "@app/shared";
import { and, eq, getTableColumns, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { parts, vendors } from "../../db/schema/index.js";
import type { PartRow } from "./inventory.mapper.js";
import { partFilters, partOrder } from "./part-list-query.js";
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
 * One page and the total, side by side (two pool connections on PostgreSQL). The page is a
 * deferred join: ids are paged on the covering sort index alone (index-only, however deep the
 * page), then only those rows are read with their vendor.
 */
export async function listParts(
  db: Db,
  shopId: string,
  q: PartListQuery,
): Promise<{ rows: PartRow[]; total: number }> {
  const vendorIds = q.search ? await vendorIdsMatching(db, shopId, q.search) : [];
  const where = partFilters(shopId, q, vendorIds);
  const order = partOrder(q.sort);
  const pageIds = db
    .select({ id: parts.id })
    .from(parts)
    .where(where)
    .orderBy(...order)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [rows, counted] = await Promise.all([
    db
      .select(withVendor)
      .from(parts)
      .leftJoin(vendors, eq(vendors.id, parts.vendorId))
      .where(and(eq(parts.shopId, shopId), inArray(parts.id, pageIds)))
      .orderBy(...order),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(parts)
      .where(where),
  ]);
  return { rows, total: counted[0]?.n ?? 0 };
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
