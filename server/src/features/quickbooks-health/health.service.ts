import type { Health } from "@app/shared";
import type { Db } from "../../db/client.js";
import { conflict, notFound } from "../../http/errors.js";
import type { Session } from "../../http/session.js";
import type { AdjustmentQueue } from "../inventory/quickbooks/adjustment.worker.js";
import { retryAdjustment } from "../inventory/inventory.service.js";
import type { InvoiceQueue } from "../orders/quickbooks/invoice.worker.js";
import { sendToQuickBooks } from "../orders/orders.service.js";
import type { SyncQueue } from "../sync/sync.worker.js";
import type { CallCounter } from "./call-counter.js";
import { callsOf, connectionOf, recentDriftChecks, recentRuns } from "./calls.repository.js";
import { dismiss, findProblems, resetPending } from "./problems.repository.js";

export interface HealthDeps {
  db: Db;
  calls: CallCounter;
  env: { QBO_MONTHLY_READ_BUDGET: number };
  invoiceQueue?: InvoiceQueue;
  syncQueue?: SyncQueue;
  adjustmentQueue?: AdjustmentQueue;
}

/** Reads share one budget per app and month (docs/quickbooks.md §6); warn well before it ends. */
const WARN_AT = 0.8;

export async function getHealth(deps: HealthDeps, shopId: string): Promise<Health> {
  await deps.calls.flush(); // this process's latest calls count too
  const conn = await connectionOf(deps.db, shopId);
  const budget = deps.env.QBO_MONTHLY_READ_BUDGET;
  const calls = conn ? await callsOf(deps.db, conn.realmId) : undefined;
  return {
    connection: conn
      ? { status: conn.status, companyName: conn.companyName }
      : { status: "not_connected" },
    calls: calls
      ? { ...calls, readBudget: budget, warning: calls.reads >= budget * WARN_AT }
      : null,
    problems: await findProblems(deps.db, shopId),
    runs: await recentRuns(deps.db, shopId),
    drift: await recentDriftChecks(deps.db, shopId),
  };
}

/**
 * Retry where the problem has one: the invoice send again (once), the refused stock adjustment
 * again (a new try, sent once), or the webhook work again.
 */
export async function retryProblem(deps: HealthDeps, session: Session, id: string) {
  const problem = (await findProblems(deps.db, session.shopId)).find((p) => p.id === id);
  if (!problem) throw notFound("Problem");
  if (!problem.retryable) throw conflict("This problem has no retry; use its fix instead");
  const [kind, a, b, c] = id.split(":");
  if (kind === "invoice" && a) {
    await sendToQuickBooks(deps, session, a);
  } else if (kind === "adjustment" && a && b) {
    await retryAdjustment(deps, session.shopId, a, b);
  } else if (kind === "webhook" && a && b && c) {
    await resetPending(deps.db, session.shopId, { entity: a, entityId: b, version: Number(c) });
    await deps.syncQueue?.notify(session.shopId);
  }
}

export async function dismissProblem(deps: HealthDeps, shopId: string, id: string) {
  await dismiss(deps.db, shopId, id);
}
