import type { Part, StockAdjustment, StockMovement } from "@app/shared";
import type { parts, stockAdjustments, stockMovements } from "../../db/schema/index.js";

/** A parts row as the repository reads it: the table's columns plus the vendor's name. */
export type PartRow = typeof parts.$inferSelect & { vendorName: string | null };
export type MovementRow = typeof stockMovements.$inferSelect;

/** Row → API. Decimals stay the strings PostgreSQL wrote ("37.5" stays "37.5"). */
export function toPart(row: PartRow): Part {
  return {
    id: row.id,
    kind: row.kind,
    description: row.description,
    note: row.note,
    partNumber: row.partNumber,
    vendor:
      row.vendorId && row.vendorName !== null ? { id: row.vendorId, name: row.vendorName } : null,
    cost: row.cost,
    retailCost: row.retailCost,
    quantityAvailable: row.quantityAvailable,
    criticalQuantity: row.criticalQuantity,
    quickBooksItemRef: row.quickBooksItemRef,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type AdjustmentRow = typeof stockAdjustments.$inferSelect;

export function toStockAdjustment(row: AdjustmentRow): StockAdjustment {
  return {
    id: row.id,
    status: row.status,
    qtyDiff: row.qtyDiff,
    quickBooksId: row.adjustmentId,
    errorCode: row.errorCode,
    error: row.error,
  };
}

export function toStockMovement(
  row: MovementRow,
  readable: Pick<StockMovement, "reference" | "source" | "link">,
  adjustment: AdjustmentRow | undefined,
): StockMovement {
  return {
    id: row.id,
    delta: row.delta,
    quantityAfter: row.quantityAfter,
    reason: row.reason,
    ...readable,
    createdAt: row.createdAt.toISOString(),
    quickBooks: adjustment ? toStockAdjustment(adjustment) : null,
  };
}
