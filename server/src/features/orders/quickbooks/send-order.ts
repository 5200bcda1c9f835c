import type { Db } from "../../../db/client.js";
import type { PendingQboWrite } from "../../../db/schema/index.js";
import { type QboClient, boundToRealm } from "../../../integrations/qbo/client.js";
import { currentRealm } from "../../quickbooks-links/realm.repository.js";
import { QboError, isFault } from "../../../integrations/qbo/errors.js";
import type { Logger } from "../../../lib/logger.js";
import { loadOrder } from "../orders.repository.js";
import { nextDocNumber } from "./doc-number.js";
import { orderMarker } from "./invoice-body.js";
import { prepareWrite } from "./prepare-write.js";
import { type QboInvoice, findInvoiceByDocNumber, readInvoice } from "./quickbooks-invoice.js";
import { assertReadyToSend, notReadyFailure } from "./readiness.js";
import * as repo from "./send.repository.js";
import { touchOwnWrites } from "./own-writes.js";

export interface SendDeps {
  db: Db;
  client: QboClient;
  logger: Logger;
  /** Tests only: runs after QuickBooks answered, before we record it (a crash lands here). */
  afterQuickBooksWrite?: (orderId: string) => Promise<void>;
}

/** Transient failures of one send before it shows as failed (each job retry counts one). */
export const MAX_SEND_ATTEMPTS = 5;

export type SendOutcome = "sent" | "failed" | "retry" | "busy" | "idle";

/** Stale SyncToken (5010): someone edited the invoice in QuickBooks; read again and retry. */
class RetryableSendError extends Error {}

/** Another invoice in QuickBooks has our DocNumber (6140, and it is not ours). */
class DocNumberTaken extends Error {
  constructor(readonly docNumber: string) {
    super(`QuickBooks already has an invoice numbered ${docNumber}`);
  }
}

/**
 * Brings QuickBooks to the order's current revision, exactly once whatever fails. The write is
 * stored (with its requestid) before it is attempted and cleared only when QuickBooks answered
 * or refused, so a timeout, a 500, a retried job or a process killed between QuickBooks' answer
 * and our commit repeats the same write, which Intuit replays instead of performing again.
 */
export async function sendOrder(
  deps: SendDeps,
  shopId: string,
  orderId: string,
): Promise<SendOutcome> {
  const leased = await repo.takeLease(deps.db, shopId, orderId);
  if (!leased) {
    const row = await loadOrder(deps.db, shopId, orderId);
    return row?.order.qboStatus === "pending" ? "busy" : "idle";
  }
  try {
    // An edit that lands while we write makes one more round; more than a few is a busy editor.
    for (let round = 0; round < 3; round++) {
      const outcome = await step(deps, shopId, orderId);
      if (outcome !== "again") return outcome;
    }
    return "retry";
  } catch (err) {
    return onFailure(deps, shopId, orderId, err);
  } finally {
    await repo.releaseLease(deps.db, shopId, orderId);
  }
}

async function step(engine: SendDeps, shopId: string, orderId: string) {
  const stored = await loadOrder(engine.db, shopId, orderId);
  if (!stored || stored.order.qboStatus !== "pending") return "idle";
  // Every id in an invoice (customer, items, the invoice itself) is one company's: the write is
  // held to the company it was prepared for, and an invoice sent to a company the shop has
  // since left is not this company's invoice: the order is sent afresh (a create).
  const realmId = stored.order.qboPending?.realmId ?? (await currentRealm(engine.db, shopId));
  const deps = { ...engine, client: boundToRealm(engine.client, realmId) };
  const elsewhere = stored.order.qboRealmId !== null && stored.order.qboRealmId !== realmId;
  const loaded = elsewhere
    ? { ...stored, order: { ...stored.order, qboInvoiceId: null, qboSentRevision: null } }
    : stored;
  const { order } = loaded;
  let pending = order.qboPending;
  if (!pending) {
    if (order.qboInvoiceId && order.qboSentRevision === order.revision) {
      await repo.markUpToDate(deps.db, shopId, orderId);
      return "sent";
    }
    const mapped = await assertReadyToSend(deps.db, shopId);
    const prepared = await prepareWrite(deps.db, deps.client, realmId, loaded, mapped);
    await repo.storePending(
      deps.db,
      shopId,
      orderId,
      prepared.seq,
      prepared.pending,
      prepared.deltas,
    );
    pending = prepared.pending;
  }
  let invoice: QboInvoice;
  try {
    invoice = await write(deps, shopId, orderId, pending);
  } catch (err) {
    if (!(err instanceof DocNumberTaken)) throw err;
    // Nothing was written: the next round creates the invoice under the next number.
    const next = nextDocNumber(order.number, err.docNumber);
    await repo.renumberRefusedWrite(deps.db, shopId, orderId, pending, next);
    deps.logger.info({ shopId, orderId, taken: err.docNumber, next }, "invoice number taken");
    return "again";
  }
  await deps.afterQuickBooksWrite?.(orderId);
  const row = await repo.recordSent(deps.db, shopId, orderId, pending, invoice);
  deps.logger.info(
    { shopId, orderId, invoiceId: invoice.Id, op: pending.op, revision: pending.revision },
    "invoice written to QuickBooks",
  );
  return row?.qboStatus === "pending" ? "again" : "sent";
}

async function write(
  deps: SendDeps,
  shopId: string,
  orderId: string,
  pending: PendingQboWrite,
): Promise<QboInvoice> {
  await touchOwnWrites(deps.db, shopId, pending.reference);
  let body = pending.body;
  if (pending.op === "update") {
    // The token moves with every write at Intuit (ours, a QuickBooks user's, side effects).
    // If our own earlier attempt landed, the requestid replays it and the token is moot.
    const current = await readInvoice(deps.client, shopId, String(body.Id));
    body = { ...body, SyncToken: current.SyncToken };
  }
  try {
    const res = await deps.client.call<{ Invoice: QboInvoice }>(shopId, {
      method: "POST",
      path: "invoice",
      body,
      requestId: pending.requestId,
    });
    return res.Invoice;
  } catch (err) {
    if (isFault(err, "5010")) throw new RetryableSendError("The invoice changed in QuickBooks");
    // Our DocNumber is taken: if by our own earlier create (its answer lost beyond Intuit's
    // replay), link that invoice instead of failing or creating another.
    if (pending.op === "create" && isFault(err, "6140")) {
      const found = await findInvoiceByDocNumber(deps.client, shopId, String(body.DocNumber));
      const ours = found.find((i) => i.PrivateNote?.includes(orderMarker(orderId)));
      if (ours) return ours;
      throw new DocNumberTaken(String(body.DocNumber));
    }
    throw err;
  }
}

async function onFailure(
  deps: SendDeps,
  shopId: string,
  orderId: string,
  err: unknown,
): Promise<SendOutcome> {
  const log = deps.logger.child({ shopId, orderId });
  if (err instanceof QboError && err.kind === "realm_changed") {
    // Prepared for the company the shop has left: never sent there now, never sent here as is.
    const loaded = await loadOrder(deps.db, shopId, orderId);
    const pending = loaded?.order.qboPending;
    if (pending) await repo.dropRefusedWrite(deps.db, shopId, orderId, pending);
    await repo.markFailed(deps.db, shopId, orderId, {
      code: "quickbooks_company_changed",
      message: err.message,
    });
    return "failed";
  }
  const notReady = notReadyFailure(err);
  if (notReady) {
    await repo.markFailed(deps.db, shopId, orderId, notReady);
    return "failed";
  }
  if (err instanceof QboError && (err.kind === "fault" || err.kind === "unauthorized")) {
    // A definite "no" from Intuit: nothing was written there, so the stored write is dropped.
    const loaded = await loadOrder(deps.db, shopId, orderId);
    const pending = loaded?.order.qboPending;
    if (pending) await repo.dropRefusedWrite(deps.db, shopId, orderId, pending);
    log.warn(
      { code: err.details.code, intuitTid: err.details.intuitTid },
      "QuickBooks refused the invoice",
    );
    await repo.markFailed(deps.db, shopId, orderId, {
      code: err.details.code ? `quickbooks_${err.details.code}` : "quickbooks_refused",
      message: `QuickBooks refused the invoice: ${err.details.detail ?? err.message}`,
    });
    return "failed";
  }
  // Timeouts, 5xx, throttling, a stale token, our own crash: the stored write is kept as is.
  const message =
    err instanceof RetryableSendError || err instanceof QboError
      ? err.message
      : "The send was interrupted";
  if (!(err instanceof QboError || err instanceof RetryableSendError))
    log.error({ err }, "invoice send failed unexpectedly");
  const attempts = await repo.countAttempt(deps.db, shopId, orderId, message);
  if (attempts < MAX_SEND_ATTEMPTS) return "retry";
  await repo.markFailed(deps.db, shopId, orderId, {
    code: "quickbooks_unavailable",
    message: `QuickBooks did not answer (${message}). Retry sends the same invoice; nothing will be duplicated.`,
  });
  return "failed";
}
