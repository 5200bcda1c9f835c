import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { parts } from "../../db/schema/index.js";
import type { ExportablePart } from "./item-body.js";

/** The batch's parts as they are now; one deleted or linked since the plan is absent. */
export async function findPartsForBatch(
  db: Db,
  shopId: string,
  pending: readonly { partId: string }[],
): Promise<Map<string, ExportablePart>> {
  if (pending.length === 0) return new Map();
  const rows = await db
    .select({
      id: parts.id,
      kind: parts.kind,
      description: parts.description,
      note: parts.note,
      partNumber: parts.partNumber,
      cost: parts.cost,
      retailCost: parts.retailCost,
      quantityAvailable: parts.quantityAvailable,
      criticalQuantity: parts.criticalQuantity,
    })
    .from(parts)
    .where(
      and(
        eq(parts.shopId, shopId),
        // Linked since the plan (by hand, or by an import): creating it now would make a twin.
        isNull(parts.quickBooksItemRef),
        inArray(
          parts.id,
          pending.map((p) => p.partId),
        ),
      ),
    );
  return new Map(rows.map((r) => [r.id, r]));
}
