import type { Db } from "../../../db/client.js";
import { type QboClient, boundToRealm } from "../../../integrations/qbo/client.js";
import { QboError } from "../../../integrations/qbo/errors.js";
import { createInventoryAdjustment } from "../../../integrations/qbo/inventory-adjustment.js";
import type { Logger } from "../../../lib/logger.js";
import { adjustmentAccountFor } from "../../accounting/adjustment-account.js";
import { touchOwnWrites } from "../../orders/quickbooks/own-writes.js";
import * as repo from "./adjustments.repository.js";

export interface AdjustmentDeps {
  db: Db;
  client: QboClient;
  logger: Logger;
  /** Tests only: runs after QuickBooks answered, before we record it (a crash lands here). */
  afterQuickBooksWrite?: (adjustmentId: string) => Promise<void>;
}

/** Transient failures of one adjustment before it shows as failed (each job run counts one). */
export const MAX_ADJUSTMENT_ATTEMPTS = 5;

export type AdjustmentOutcome = "sent" | "failed" | "retry" | "busy" | "idle";

/**
 * Sends the part's pending adjustments to QuickBooks, oldest first, each exactly once: stored
 * with its requestid before the call, cleared only when QuickBooks answered or refused, so a
 * timeout, a retried job or a process killed between Intuit's answer and our commit repeats
 * the same requestid, which Intuit replays instead of adjusting again.
 */
export async function sendPartAdjustments(
  deps: AdjustmentDeps,
  shopId: string,
  partId: string,
): Promise<AdjustmentOutcome> {
  let last: AdjustmentOutcome = "idle";
  for (;;) {
    const adjustment = await repo.leaseOldest(deps.db, shopId, partId);
    if (!adjustment) return (await repo.hasPending(deps.db, shopId, partId)) ? "busy" : last;
    try {
      last = await sendOne(deps, adjustment);
    } finally {
      await repo.releaseLease(deps.db, adjustment.id);
    }
    // A transient failure stops the part here: later changes wait their turn (in order).
    if (last === "retry") return last;
  }
}

async function sendOne(deps: AdjustmentDeps, a: repo.AdjustmentRow): Promise<AdjustmentOutcome> {
  // Held to the company the change was made against (decision 0007).
  const client = boundToRealm(deps.client, a.realmId);
  try {
    await touchOwnWrites(deps.db, a.shopId, repo.ownReferenceOf(a));
    const account = await adjustmentAccountFor(deps.db, client, a.shopId);
    if (!account) {
      await repo.recordRefused(deps.db, a, {
        code: "no_adjustment_account",
        message:
          "QuickBooks has no Expense or Cost of Goods Sold account to book the adjustment against; add one in QuickBooks, then retry.",
      });
      return "failed";
    }
    const created = await createInventoryAdjustment(
      client,
      a.shopId,
      {
        itemId: a.itemRef,
        qtyDiff: a.qtyDiff,
        adjustAccountId: account,
        privateNote: `Shopmonkey stock ${a.origin} (${a.id})`,
      },
      repo.requestIdOf(a),
    );
    await deps.afterQuickBooksWrite?.(a.id);
    await repo.recordSent(deps.db, a, created.id);
    deps.logger.info(
      { shopId: a.shopId, partId: a.partId, adjustmentId: created.id, qtyDiff: a.qtyDiff },
      "stock adjustment written to QuickBooks",
    );
    return "sent";
  } catch (err) {
    return onFailure(deps, a, err);
  }
}

async function onFailure(
  deps: AdjustmentDeps,
  a: repo.AdjustmentRow,
  err: unknown,
): Promise<AdjustmentOutcome> {
  if (err instanceof QboError && err.kind === "realm_changed") {
    await repo.recordRefused(deps.db, a, {
      code: "quickbooks_company_changed",
      message: err.message,
    });
    return "failed";
  }
  if (
    err instanceof QboError &&
    (err.kind === "fault" || err.kind === "unauthorized" || err.kind === "not_connected")
  ) {
    // A definite "no": nothing moved in QuickBooks. Shown on the part with Intuit's reason.
    deps.logger.warn(
      { shopId: a.shopId, partId: a.partId, code: err.details.code },
      "QuickBooks refused the stock adjustment",
    );
    await repo.recordRefused(deps.db, a, {
      code: err.details.code ? `quickbooks_${err.details.code}` : `quickbooks_${err.kind}`,
      message: `QuickBooks refused the adjustment: ${err.details.detail ?? err.message}`,
    });
    return "failed";
  }
  const message = err instanceof QboError ? err.message : "The send was interrupted";
  if (!(err instanceof QboError))
    deps.logger.error({ err, adjustmentId: a.id }, "stock adjustment failed unexpectedly");
  const attempts = await repo.countAttempt(deps.db, a.id, message);
  if (attempts < MAX_ADJUSTMENT_ATTEMPTS) return "retry";
  await repo.markUnanswered(
    deps.db,
    a.id,
    `QuickBooks did not answer (${message}). Retry sends the same adjustment; it will not be applied twice.`,
  );
  return "failed";
}
