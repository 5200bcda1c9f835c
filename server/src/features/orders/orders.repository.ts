import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import {
  customers,
  orderLines,
  orderNumbers,
  orders,
  parts,
  stockMovements,
} from "../../db/schema/index.js";
import type { LineRow, LoadedOrder, OrderRow } from "./orders.mapper.js";

export type NewLine = Omit<LineRow, "id" | "shopId" | "orderId" | "position">;

/** The first order of a shop is 1001; a row lock on the counter serializes concurrent creates. */
export async function nextOrderNumber(tx: Db, shopId: string): Promise<number> {
  const [row] = await tx
    .insert(orderNumbers)
    .values({ shopId, last: 1001 })
    .onConflictDoUpdate({
      target: orderNumbers.shopId,
      set: { last: sql`${orderNumbers.last} + 1` },
    })
    .returning({ last: orderNumbers.last });
  if (!row) throw new Error("order number allocation returned nothing");
  return row.last;
}

export async function insertLines(tx: Db, shopId: string, orderId: string, lines: NewLine[]) {
  await tx
    .delete(orderLines)
    .where(and(eq(orderLines.shopId, shopId), eq(orderLines.orderId, orderId)));
  if (lines.length === 0) return;
  await tx
    .insert(orderLines)
    .values(lines.map((l, position) => ({ ...l, shopId, orderId, position })));
}

export async function findOrderRow(
  db: Db,
  shopId: string,
  id: string,
): Promise<OrderRow | undefined> {
  const [row] = await db
    .select()
    .from(orders)
    .where(and(eq(orders.shopId, shopId), eq(orders.id, id)));
  return row;
}

/** The order with its lines, their parts, its customer and the stock it drove below zero. */
export async function loadOrder(
  db: Db,
  shopId: string,
  id: string,
): Promise<LoadedOrder | undefined> {
  const order = await findOrderRow(db, shopId, id);
  if (!order) return undefined;
  const [customer] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.shopId, shopId), eq(customers.id, order.customerId)));
  if (!customer) return undefined;
  const lines = await db
    .select({ line: orderLines, part: parts })
    .from(orderLines)
    .leftJoin(parts, and(eq(parts.id, orderLines.partId), eq(parts.shopId, shopId)))
    .where(and(eq(orderLines.shopId, shopId), eq(orderLines.orderId, id)))
    .orderBy(asc(orderLines.position));
  const warnings = await db
    .select({
      partId: stockMovements.partId,
      description: parts.description,
      quantityAfter: stockMovements.quantityAfter,
    })
    .from(stockMovements)
    .innerJoin(parts, eq(parts.id, stockMovements.partId))
    .where(
      and(
        eq(stockMovements.shopId, shopId),
        eq(stockMovements.reason, "invoice"),
        eq(stockMovements.reference, invoiceReference(id)),
        lt(stockMovements.quantityAfter, "0"),
      ),
    );
  return { order, customer, lines, stockWarnings: warnings };
}

/** The stock movements of an order's invoicing carry this reference. */
export const invoiceReference = (orderId: string) => `order:${orderId}`;

export async function listOrderRows(
  db: Db,
  shopId: string,
  q: { status?: "open" | "invoiced"; limit: number },
) {
  const where = [eq(orders.shopId, shopId)];
  if (q.status) where.push(eq(orders.status, q.status));
  return db
    .select({ order: orders, customer: customers })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(and(...where))
    .orderBy(desc(orders.number))
    .limit(q.limit);
}

export async function partsOfShop(db: Db, shopId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(parts)
    .where(and(eq(parts.shopId, shopId), inArray(parts.id, ids)));
}

export async function findCustomerRow(db: Db, shopId: string, id: string) {
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.shopId, shopId), eq(customers.id, id)));
  return row;
}
