import {
  type ErrorReason,
  ErrorCodeSchema,
  type Part,
  type ReasonParams,
  type StockAdjustment,
  type StockMovement,
} from "@app/shared";
import type { parts, stockAdjustments, stockMovements } from "../../db/schema/index.js";

/** A parts row as the repository reads it: the table's columns plus the vendor's name. */
export type PartRow = typeof parts.$inferSelect & { vendorName: string | null };
/** What toPart needs of a row: all the list reads (parts.repository.ts). */
export type ListedPart = Pick<
  PartRow,
  | "id"
  | "kind"
  | "description"
  | "note"
  | "partNumber"
  | "vendorId"
  | "vendorName"
  | "cost"
  | "retailCost"
  | "quantityAvailable"
  | "criticalQuantity"
  | "quickBooksItemRef"
  | "updatedAt"
>;
export type MovementRow = typeof stockMovements.$inferSelect;

/** Row → API. Decimals stay the strings PostgreSQL wrote ("37.5" stays "37.5"). */
export function toPart(row: ListedPart): Part {
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
    ...adjustmentReason(row),
  };
}

/** How send-adjustments.ts words a refusal before Intuit's own detail. */
const REFUSED = "QuickBooks refused the adjustment: ";

/**
 * What the web says for a failed or dropped adjustment, in the reader's words (docs/api.md).
 * Codes that are API error codes (`quickbooks_unavailable`, …) are said by their code.
 */
function adjustmentReason(row: AdjustmentRow): { reason?: ErrorReason; params?: ReasonParams } {
  const code = row.errorCode;
  if (!code || ErrorCodeSchema.safeParse(code).success) return {};
  if (code === "superseded_by_take") return { reason: "adjustment_superseded_by_take" };
  if (code === "superseded_by_push") return { reason: "adjustment_superseded_by_push" };
  if (code === "superseded") return { reason: "adjustment_superseded" };
  if (code === "no_adjustment_account") return { reason: "no_adjustment_account" };
  if (code.startsWith("quickbooks_"))
    return {
      reason: "quickbooks_refused_adjustment",
      // QuickBooks' own words, inside a sentence in the reader's language.
      params: { detail: (row.error ?? "").replace(REFUSED, "") },
    };
  return {};
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
