import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { parts } from "../../db/schema/index.js";
import { EXPORTABLE_PART_COLUMNS } from "./exports.repository.js";
import type { ExportablePart } from "../quickbooks-links/item-fields.js";

/** The batch's parts as they are now; one deleted or linked since the plan is absent. */
export async function findPartsForBatch(
  db: Db,
  shopId: string,
  pending: readonly { partId: string }[],
): Promise<Map<string, ExportablePart>> {
  if (pending.length === 0) return new Map();
  const rows = await db
    .select(EXPORTABLE_PART_COLUMNS)
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
