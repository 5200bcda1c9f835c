import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { orderLines, orders, parts, stockMovements } from "../../db/schema/index.js";
import { negate } from "../../lib/decimal.js";
import { invoiceReference } from "./orders.repository.js";

export type InvoiceOutcome = "invoiced" | "already_invoiced" | "missing";

/**
 * Invoices an open order in one transaction: the status flip from open to invoiced is the
 * once-only guard (a double click or a concurrent request finds nothing to flip and lowers
 * nothing), and each stock-tracking part goes down by an atomic `quantity - n` under its row
 * lock, so concurrent invoices of one part never lose an update. Quantities may go below zero:
 * shops sell what is on the shelf even when the count lags; the order shows a warning.
 */
export async function invoiceOrder(
  db: Db,
  shopId: string,
  orderId: string,
  userId: string,
): Promise<InvoiceOutcome> {
  return db.transaction(async (tx) => {
    const [flipped] = await tx
      .update(orders)
      .set({
        status: "invoiced",
        invoicedAt: sql`now()`,
        invoicedBy: userId,
        updatedAt: sql`now()`,
      })
      .where(and(eq(orders.shopId, shopId), eq(orders.id, orderId), eq(orders.status, "open")))
      .returning({ id: orders.id });
    if (!flipped) {
      const [row] = await tx
        .select({ status: orders.status })
        .from(orders)
        .where(and(eq(orders.shopId, shopId), eq(orders.id, orderId)));
      return row ? "already_invoiced" : "missing";
    }
    const lines = await tx
      .select({ partId: orderLines.partId, quantity: orderLines.quantity })
      .from(orderLines)
      .innerJoin(parts, eq(parts.id, orderLines.partId))
      .where(
        and(
          eq(orderLines.shopId, shopId),
          eq(orderLines.orderId, orderId),
          eq(parts.kind, "inventory"),
        ),
      )
      // One lock order for every transaction: two orders sharing parts can't deadlock.
      .orderBy(orderLines.partId, orderLines.position);
    for (const line of lines) {
      if (!line.partId) continue;
      const [moved] = await tx
        .update(parts)
        .set({
          quantityAvailable: sql`coalesce(${parts.quantityAvailable}, 0) - ${line.quantity}::numeric`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(parts.shopId, shopId), eq(parts.id, line.partId)))
        .returning({ after: parts.quantityAvailable });
      if (!moved?.after) continue;
      await tx.insert(stockMovements).values({
        shopId,
        partId: line.partId,
        delta: negate(line.quantity),
        quantityAfter: moved.after,
        reason: "invoice",
        reference: invoiceReference(orderId),
      });
    }
    return "invoiced";
  });
}
