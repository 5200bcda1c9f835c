import type { Order, OrderList, SalesCategory } from "@app/shared";
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../src/db/client.js";
import { type RunningSandbox, admin } from "../../src/testing/sandbox.js";
import { connectShop } from "../lib/connect.js";
import { api, sleep } from "../lib/http.js";
import { percentile, round } from "../lib/stats.js";

export interface InvoiceResult {
  orders: number;
  /** From the POST …/invoice to the first poll that shows the order Sent in QuickBooks. */
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

export const INVOICE_SHOP = "invoice-bench";
const ORDERS = 50;
/** The demo company's items (see src/testing/orders-harness.ts): Oil Filter is inventory item 1. */
const OIL_FILTER = "1";
const MAPPING: Record<SalesCategory, string> = {
  parts: "43",
  labor: "47",
  tires: "46",
  fees: "44",
  subcontracts: "46",
  shop_supplies: "42",
};

/**
 * Before the server starts (PGlite is one process at a time): a customer and a part linked to
 * item 1 of a company of its own, the one `runInvoices` connects (links name their company).
 */
export async function prepareInvoiceShop(db: Db, sandbox: RunningSandbox) {
  const { realmId } = await admin<{ realmId: string }>(sandbox, "POST", "/companies", {
    name: "Invoice bench",
  });
  await db.execute(sql`insert into shops (id, name) values (${INVOICE_SHOP}, 'Invoice bench')`);
  await db.execute(sql`insert into quickbooks_link_realms (shop_id, realm_id, company_name)
    values (${INVOICE_SHOP}, ${realmId}, 'Invoice bench')`);
  const [part] = rowsOf<{ id: string }>(
    await db.execute(sql`insert into parts (shop_id, kind, description, retail_cost,
      quantity_available, quickbooks_item_ref, quickbooks_realm_id)
      values (${INVOICE_SHOP}, 'inventory', 'Oil filter', 8.99, 48, ${OIL_FILTER}, ${realmId})
      returning id`),
  );
  const [customer] = rowsOf<{ id: string }>(
    await db.execute(sql`insert into customers (shop_id, first_name, last_name, email)
      values (${INVOICE_SHOP}, 'Ada', 'Lovelace', 'ada@bench.example') returning id`),
  );
  if (!part || !customer) throw new Error("invoice shop seed failed");
  return { partId: part.id, customerId: customer.id, realmId };
}

/**
 * 50 orders invoiced at once (a busy shop's end of day) with automatic sending on: each
 * order's time from Invoice to Sent, through the invoice worker and Intuit's limits.
 */
export async function runInvoices(
  sandbox: RunningSandbox,
  serverUrl: string,
  token: string,
  seed: { partId: string; customerId: string; realmId: string },
): Promise<InvoiceResult> {
  await connectShop(serverUrl, token, seed.realmId);
  await api(serverUrl, token, "PUT", "/api/quickbooks/accounting", {
    categoryItems: MAPPING,
    autoSendInvoices: true,
  });
  const orders: Order[] = [];
  for (let i = 0; i < ORDERS; i++) {
    orders.push(
      await api<Order>(serverUrl, token, "POST", "/api/orders", {
        customerId: seed.customerId,
        lines: [
          { kind: "part", partId: seed.partId, quantity: "0.5" },
          { kind: "labor", description: "Oil change", quantity: "1", unitPrice: "145" },
        ],
      }),
    );
  }
  const invoicedAt = new Map<string, number>();
  await Promise.all(
    orders.map(async (o) => {
      const t = performance.now();
      await api(serverUrl, token, "POST", `/api/orders/${o.id}/invoice`);
      invoicedAt.set(o.id, t);
    }),
  );
  const took = new Map<string, number>();
  const deadline = Date.now() + 120_000;
  while (took.size < ORDERS) {
    if (Date.now() > deadline) throw new Error(`only ${took.size} of ${ORDERS} invoices sent`);
    const list = await api<OrderList>(serverUrl, token, "GET", "/api/orders?limit=200");
    for (const o of list.items) {
      const start = invoicedAt.get(o.id);
      if (o.quickBooks.status === "failed") throw new Error(`order ${o.number} failed to send`);
      if (start !== undefined && o.quickBooks.status === "sent" && !took.has(o.id))
        took.set(o.id, performance.now() - start);
    }
    await sleep(100);
  }
  const times = [...took.values()];
  return {
    orders: ORDERS,
    p50Ms: round(percentile(times, 50), 0),
    p95Ms: round(percentile(times, 95), 0),
    maxMs: round(Math.max(...times), 0),
  };
}
