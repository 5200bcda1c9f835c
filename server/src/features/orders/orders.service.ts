import type {
  FieldIssue,
  Order,
  OrderInput,
  OrderLineInput,
  OrderList,
  OrderPatch,
} from "@app/shared";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { orders } from "../../db/schema/index.js";
import { conflict, fieldIssue, notFound, validationFailed } from "../../http/errors.js";
import type { Session } from "../../http/session.js";
import { add, lineAmount, normalize } from "../../lib/decimal.js";
import { isUuid } from "../../lib/sql-text.js";
import { getAccountingSettings } from "../accounting/accounting.repository.js";
import { invoiceOrder } from "./invoice-stock.js";
import { customerName, money, toOrder, toQuickBooks } from "./orders.mapper.js";
import * as repo from "./orders.repository.js";
import type { InvoiceQueue } from "./quickbooks/invoice.worker.js";
import { assertReadyToSend, notReadyFailure } from "./quickbooks/readiness.js";
import { markFailed } from "./quickbooks/send.repository.js";

export interface OrdersDeps {
  db: Db;
  invoiceQueue?: InvoiceQueue;
}

const missing = () => notFound("Order");

export async function getOrder(deps: OrdersDeps, shopId: string, id: string): Promise<Order> {
  const loaded = isUuid(id) ? await repo.loadOrder(deps.db, shopId, id) : undefined;
  if (!loaded) throw missing();
  return toOrder(loaded);
}

export async function listOrders(
  deps: OrdersDeps,
  shopId: string,
  q: { status?: "open" | "invoiced"; limit: number },
): Promise<OrderList> {
  const rows = await repo.listOrderRows(deps.db, shopId, q);
  return {
    items: rows.map(({ order, customer }) => ({
      id: order.id,
      number: order.number,
      status: order.status,
      customer: {
        id: customer.id,
        name: customerName(customer),
        quickBooksCustomerRef: customer.quickBooksCustomerRef,
      },
      total: money(normalize(order.total)),
      quickBooks: toQuickBooks(order),
      updatedAt: order.updatedAt.toISOString(),
    })),
  };
}

/** Lines as stored: part lines take the part's name (and retail price unless given). */
async function resolveLines(db: Db, shopId: string, input: OrderLineInput[]) {
  const partIds = input.flatMap((l) => (l.kind === "part" && isUuid(l.partId) ? [l.partId] : []));
  const found = new Map((await repo.partsOfShop(db, shopId, partIds)).map((p) => [p.id, p]));
  const issues: FieldIssue[] = [];
  const lines = input.map((l, i): repo.NewLine => {
    if (l.kind !== "part")
      return {
        kind: l.kind,
        partId: null,
        description: l.description,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        amount: lineAmount(l.quantity, l.unitPrice),
      };
    const part = found.get(l.partId);
    if (!part)
      issues.push(
        fieldIssue(`body.lines.${i}.partId`, "No such part in this shop", {
          reason: "unknown_part",
        }),
      );
    const unitPrice = l.unitPrice ?? part?.retailCost ?? "0";
    return {
      kind: "part",
      partId: l.partId,
      description: part?.description ?? "",
      quantity: l.quantity,
      unitPrice,
      amount: lineAmount(l.quantity, unitPrice),
    };
  });
  if (issues.length > 0) throw validationFailed(issues);
  return { lines, total: add("0", ...lines.map((l) => l.amount)) };
}

async function checkCustomer(db: Db, shopId: string, id: string) {
  const customer = isUuid(id) ? await repo.findCustomerRow(db, shopId, id) : undefined;
  if (!customer)
    throw validationFailed([
      fieldIssue("body.customerId", "No such customer in this shop", {
        reason: "unknown_customer",
      }),
    ]);
}

export async function createOrder(deps: OrdersDeps, session: Session, input: OrderInput) {
  const { shopId } = session;
  await checkCustomer(deps.db, shopId, input.customerId);
  const { lines, total } = await resolveLines(deps.db, shopId, input.lines);
  const id = await deps.db.transaction(async (tx) => {
    const number = await repo.nextOrderNumber(tx, shopId);
    const [row] = await tx
      .insert(orders)
      .values({ shopId, number, customerId: input.customerId, total })
      .returning({ id: orders.id });
    if (!row) throw new Error("order insert returned nothing");
    await repo.insertLines(tx, shopId, row.id, lines);
    return row.id;
  });
  return getOrder(deps, shopId, id);
}

/**
 * Open orders only (invoicing locks them). An order QuickBooks already holds becomes
 * "out of date"; a send in progress stays pending and picks up the new revision itself.
 */
export async function updateOrder(
  deps: OrdersDeps,
  session: Session,
  id: string,
  patch: OrderPatch,
) {
  const { shopId } = session;
  const row = isUuid(id) ? await repo.findOrderRow(deps.db, shopId, id) : undefined;
  if (!row) throw missing();
  if (row.status !== "open")
    throw conflict("This order is invoiced and can no longer be edited", {
      reason: "order_invoiced",
    });
  if (patch.customerId) await checkCustomer(deps.db, shopId, patch.customerId);
  const resolved = patch.lines ? await resolveLines(deps.db, shopId, patch.lines) : undefined;
  const changed = await deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(orders)
      .set({
        ...(patch.customerId ? { customerId: patch.customerId } : {}),
        ...(resolved ? { total: resolved.total } : {}),
        revision: sql`${orders.revision} + 1`,
        updatedAt: sql`now()`,
        qboStatus: sql`case when ${orders.qboStatus} = 'sent' then 'out_of_date' else ${orders.qboStatus} end`,
      })
      // Re-checked under the row lock: an invoice that won the race keeps the order locked.
      .where(and(eq(orders.shopId, shopId), eq(orders.id, id), eq(orders.status, "open")))
      .returning({ id: orders.id });
    if (updated && resolved) await repo.insertLines(tx, shopId, id, resolved.lines);
    return updated !== undefined;
  });
  if (!changed)
    throw conflict("This order is invoiced and can no longer be edited", {
      reason: "order_invoiced",
    });
  return getOrder(deps, shopId, id);
}

/** Lowers stock once (see invoiceOrder); then sends to QuickBooks when auto-send is on. */
export async function invoice(deps: OrdersDeps, session: Session, id: string): Promise<Order> {
  if (!isUuid(id)) throw missing();
  const outcome = await invoiceOrder(deps.db, session.shopId, id, session.userId);
  if (outcome === "missing") throw missing();
  if (outcome === "invoiced") {
    const { autoSendInvoices } = await getAccountingSettings(deps.db, session.shopId);
    if (autoSendInvoices) await queueSend(deps, session.shopId, id, { refuse: false });
  }
  return getOrder(deps, session.shopId, id);
}

/** "Send now" / "Retry" / "Re-send": refused (409) when the company or mapping isn't ready. */
export async function sendToQuickBooks(deps: OrdersDeps, session: Session, id: string) {
  const row = isUuid(id) ? await repo.findOrderRow(deps.db, session.shopId, id) : undefined;
  if (!row) throw missing();
  await queueSend(deps, session.shopId, id, { refuse: true });
  return getOrder(deps, session.shopId, id);
}

/**
 * Marks the send pending (the durable part) and wakes a worker. Nothing is sent when the
 * company is disconnected or a category unmapped: the API refuses, auto-send records "failed".
 */
async function queueSend(deps: OrdersDeps, shopId: string, id: string, o: { refuse: boolean }) {
  const row = await repo.findOrderRow(deps.db, shopId, id);
  if (!row || row.qboStatus === "pending") return;
  if (row.qboStatus === "sent" && row.qboSentRevision === row.revision) return;
  try {
    await assertReadyToSend(deps.db, shopId);
  } catch (err) {
    const failure = notReadyFailure(err);
    if (o.refuse || !failure) throw err;
    await markFailed(deps.db, shopId, id, failure);
    return;
  }
  // Re-checked in the write: clicks racing on one or several processes all read "not sent";
  // only the one that turns the order pending queues a send.
  const queued = await deps.db
    .update(orders)
    .set({ qboStatus: "pending", qboAttempts: 0, qboError: null, qboErrorCode: null })
    .where(
      and(
        eq(orders.shopId, shopId),
        eq(orders.id, id),
        ne(orders.qboStatus, "pending"),
        sql`not (${orders.qboStatus} = 'sent' and ${orders.qboSentRevision} is not distinct from ${orders.revision})`,
      ),
    )
    .returning({ id: orders.id });
  if (queued.length) await deps.invoiceQueue?.enqueue(shopId, id);
}
