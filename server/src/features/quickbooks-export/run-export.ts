import type { Said } from "../../http/errors.js";
import { boundToRealm } from "../../integrations/qbo/client.js";
import { QboItemSchema } from "../../integrations/qbo/schemas.js";
import { isFault } from "../../integrations/qbo/errors.js";
import type { Logger } from "../../lib/logger.js";
import { type ImportsDeps, startImport } from "../imports/imports.service.js";
import { type ItemAccounts, defaultItemAccounts } from "./accounts.js";
import type { ExportDeps } from "./create-export.js";
import * as repo from "./exports.repository.js";
import { itemBody, today } from "../quickbooks-links/item-fields.js";
import { linkPart } from "../quickbooks-links/item-link.js";
import { currentRealm } from "../quickbooks-links/realm.repository.js";
import { findPartsForBatch } from "./batch-parts.js";
import { ensureQuickBooksVendors } from "./vendor-refs.js";

export type RunExportDeps = ExportDeps & ImportsDeps & { logger: Logger };

export interface RunHooks {
  /** Tests only: called after QuickBooks answered a batch, before we commit it. */
  afterBatchAnswered?: (batch: number) => void | Promise<void>;
}

interface BatchItemResponse {
  bId: string;
  Item?: unknown;
  Fault?: { Error?: { Message?: string; Detail?: string; code?: string }[] };
}

/**
 * `requestid` of batch n of an export: stable across retries and restarts, so Intuit replays
 * the first answer instead of creating the items again (docs/quickbooks.md §2; ≤36 chars for batch).
 */
export const batchRequestId = (exportId: string, batch: number): string =>
  `x${exportId.replace(/-/g, "").slice(0, 24)}b${batch}`;

/**
 * Runs (or resumes) an export batch by batch. Each batch's links, outcomes and cursor commit
 * in one transaction after QuickBooks answers; a crash before that commit re-sends the same
 * batch with the same requestid, and Intuit's replay hands back the items it already made.
 */
export async function runExport(
  deps: RunExportDeps,
  exportId: string,
  hooks: RunHooks = {},
): Promise<void> {
  const row = await repo.claimExport(deps.db, exportId);
  if (!row) return;
  const log = deps.logger.child({ exportId });
  // Held to the company the export was planned for: a switch fails it instead of creating the
  // old company's parts in the new one.
  const realmId = row.realmId ?? (await currentRealm(deps.db, row.shopId));
  const client = boundToRealm(deps.qbo.client, realmId);
  let accounts: ItemAccounts | undefined;
  try {
    for (let batch = row.nextBatch; batch < row.batches; batch++) {
      const pending = await repo.batchItems(deps.db, exportId, batch);
      const parts = await findPartsForBatch(deps.db, row.shopId, pending);
      accounts ??= await defaultItemAccounts(client, row.shopId);
      const vendorRefs = await ensureQuickBooksVendors(
        deps.db,
        client,
        row.shopId,
        realmId,
        [...parts.values()].map((p) => p.vendorId),
        log,
      );
      const startDate = today();
      const requests = pending.flatMap((p) => {
        const part = parts.get(p.partId);
        return part
          ? [
              {
                bId: String(p.seq),
                operation: "create",
                Item: itemBody(
                  part,
                  accounts!,
                  startDate,
                  part.vendorId ? vendorRefs.get(part.vendorId) : undefined,
                ),
              },
            ]
          : [];
      });
      const answer =
        requests.length === 0
          ? { BatchItemResponse: [] }
          : await client.call<{ BatchItemResponse?: BatchItemResponse[] }>(row.shopId, {
              method: "POST",
              path: "batch",
              body: { BatchItemRequest: requests },
              requestId: batchRequestId(exportId, batch),
            });
      await hooks.afterBatchAnswered?.(batch);
      const bySeq = new Map((answer.BatchItemResponse ?? []).map((r) => [r.bId, r]));
      await deps.db.transaction(async (tx) => {
        let created = 0;
        let skipped = 0;
        for (const p of pending) {
          const res = bySeq.get(String(p.seq));
          const item = QboItemSchema.safeParse(res?.Item);
          if (item.success) {
            const linked = await linkPart(tx, row.shopId, realmId, p.partId, item.data);
            await repo.setItemOutcome(tx, exportId, p.partId, linked ? "created" : "skipped", {
              quickBooksId: item.data.Id,
              ...(linked
                ? {}
                : {
                    reason: "The part was linked meanwhile; the new item is unlinked",
                    said: { reason: "new_item_unlinked" },
                  }),
            });
            if (linked) created++;
            else skipped++;
          } else {
            await repo.setItemOutcome(
              tx,
              exportId,
              p.partId,
              "skipped",
              faultReason(res, parts.has(p.partId)),
            );
            skipped++;
          }
        }
        await repo.advance(tx, exportId, batch, { processed: pending.length, created, skipped });
      });
    }
    // Imports start before the export reads as done, so whoever waits for it sees them queued.
    if (row.thenImport) await importAfterExport(deps, row);
    await repo.finishExport(deps.db, exportId, "succeeded");
  } catch (err) {
    log.warn({ err }, "export to QuickBooks stopped");
    const message = isFault(err) ? err.message : repo.EXPORT_UNREACHABLE;
    await repo.finishExport(deps.db, exportId, "failed", message);
  }
}

/** Why a part was not created: English for scripts, a reason for the reader's language. */
function faultReason(
  res: BatchItemResponse | undefined,
  partExists: boolean,
): { reason: string; said: Said } {
  if (!partExists)
    return {
      reason: "The part was deleted or linked before its turn came",
      said: { reason: "part_gone_before_turn" },
    };
  const error = res?.Fault?.Error?.[0];
  if (!error)
    return {
      reason: "QuickBooks did not answer for this part",
      said: { reason: "quickbooks_no_answer_for_part" },
    };
  if (error.code === "6240")
    return {
      reason: "QuickBooks already has an item with this name",
      said: { reason: "item_name_taken" },
    };
  // QuickBooks' own words, inside a sentence in the reader's language.
  const detail = error.Detail ?? error.Message ?? `code ${error.code ?? "?"}`;
  return {
    reason: error.Detail ?? error.Message ?? `QuickBooks refused it (code ${error.code ?? "?"})`,
    said: { reason: "quickbooks_refused", params: { detail } },
  };
}

/** The reconciliation's last step: bring in what exists only in QuickBooks. */
async function importAfterExport(
  deps: RunExportDeps,
  row: { shopId: string; requestedBy: string; requestedById: string },
): Promise<void> {
  const session = {
    shopId: row.shopId,
    userId: row.requestedById,
    name: row.requestedBy,
    role: "owner" as const,
  };
  for (const category of ["inventory", "non_inventory"] as const) {
    try {
      await startImport(deps, session, { category, dryRun: false });
    } catch (err) {
      // Already running: that run will see the same items.
      deps.logger.info({ err, category }, "import after export not started");
    }
  }
}
