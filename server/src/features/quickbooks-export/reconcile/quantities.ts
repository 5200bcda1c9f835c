import type { ReconciliationApply } from "@app/shared";
import type { ReconciliationNote } from "../../../db/schema/index.js";
import { fixDrift } from "../../sync/drift-fix.service.js";
import type { RunExportDeps } from "../run-export.js";

/**
 * Matched pairs keep one quantity: the side the user chose. The sync's drift fix does exactly
 * that for linked parts (take QuickBooks' value, or push ours as an adjustment), and reports
 * what a company can't accept; those reports become notes on the run.
 */
export async function settleQuantities(
  deps: RunExportDeps,
  shopId: string,
  pairs: ReconciliationApply["pairs"],
  linkedIds: ReadonlySet<string>,
  importsFollow: boolean,
): Promise<ReconciliationNote[]> {
  const notes: ReconciliationNote[] = [];
  for (const action of ["take_quickbooks", "push_shopmonkey"] as const) {
    const side = action === "take_quickbooks" ? "quickbooks" : "shopmonkey";
    const ids = pairs
      .filter((p) => p.quantityFrom === side && linkedIds.has(p.partId))
      .map((p) => p.partId);
    for (let i = 0; i < ids.length; i += 500) {
      const { results } = await fixDrift(
        { db: deps.db, client: deps.qbo.client, logger: deps.logger, origin: "reconcile" },
        shopId,
        {
          action,
          partIds: ids.slice(i, i + 500),
          fields: ["quantity"],
        },
      );
      for (const r of results)
        if (r.outcome === "unsupported" || r.outcome === "failed")
          notes.push({
            partId: r.partId,
            ...(r.reason ? { reason: r.reason } : {}),
            ...(r.params ? { params: r.params } : {}),
            ...(importsFollow && action === "push_shopmonkey" ? { importFollows: true } : {}),
            // The import re-reads every linked item, quantity included: say so before it does.
            message:
              (r.message ?? r.outcome) +
              (importsFollow && action === "push_shopmonkey"
                ? " Until then, the import that follows takes QuickBooks' quantity."
                : ""),
          });
    }
  }
  return notes;
}
