import type { Order, SalesCategory } from "@app/shared";
import { and, eq } from "drizzle-orm";
import request from "supertest";
import { customers, parts } from "../db/schema/index.js";
import type { QboClient } from "../integrations/qbo/client.js";
import { normalize } from "../lib/decimal.js";
import { startWorkers } from "../jobs/workers.js";
import { connectShop } from "./connect.js";
import { type RunningSandbox, admin, startTestSandbox } from "./sandbox.js";
import { type TestApp, createTestApp } from "./test-app.js";
import type { Backend } from "./test-database.js";

/** Demo company items: 1 Oil Filter (Inventory, QtyOnHand 48), 42.. NonInventory, 47.. Service. */
export const ITEMS = { oilFilter: "1", wiper: "11", shopSupplies: "42", labor: "47" } as const;
export const MAPPING: Record<SalesCategory, string> = {
  parts: "43",
  labor: "47",
  tires: "46",
  fees: "44",
  subcontracts: "46",
  shop_supplies: "42",
};

export interface OrdersHarness {
  sandbox: RunningSandbox;
  t: TestApp;
  close(): Promise<void>;
}

/** The app, the sandbox over HTTP and (unless the test drives sends itself) the invoice worker. */
export async function startOrdersHarness(
  backend: Backend,
  opts: { worker?: boolean; concurrency?: number } = {},
): Promise<OrdersHarness> {
  const sandbox = await startTestSandbox();
  const t = await createTestApp(backend, { QBO_SANDBOX_URL: sandbox.url });
  if (opts.worker === false)
    return {
      sandbox,
      t,
      async close() {
        await t.close();
        await sandbox.close();
      },
    };
  const workers = await startWorkers(t.deps, {
    only: ["invoices"],
    sweepSeconds: 3600,
    ...(opts.concurrency !== undefined ? { invoiceConcurrency: opts.concurrency } : {}),
  });
  return {
    sandbox,
    t,
    async close() {
      await workers.stop();
      await t.close();
      await sandbox.close();
    },
  };
}

export const auth = async (
  h: OrdersHarness,
  shop: string,
  role: "owner" | "manager" | "technician" = "owner",
) => `Bearer ${await h.t.token(shop, role)}`;

/**
 * A shop connected to a fresh copy of the demo company, its accounting mapped, with a part
 * linked to Oil Filter (48 on both sides), an unlinked stocked part and a customer.
 */
export async function preparedShop(
  h: OrdersHarness,
  shop: string,
  opts: { autoSend?: boolean } = {},
) {
  const { realmId } = await admin<{ realmId: string }>(h.sandbox, "POST", "/companies", {
    name: shop,
  });
  await connectShop(h.t, shop, realmId);
  const a = await auth(h, shop);
  await request(h.t.app)
    .put("/api/quickbooks/accounting")
    .set("authorization", a)
    .send({ categoryItems: MAPPING, autoSendInvoices: opts.autoSend ?? true })
    .expect(200);
  const db = h.t.deps.db;
  const [linked] = await db
    .insert(parts)
    .values({
      shopId: shop,
      kind: "inventory",
      description: "Oil filter",
      retailCost: "8.99",
      quantityAvailable: "48",
      quickBooksItemRef: ITEMS.oilFilter,
      quickBooksRealmId: realmId,
    })
    .returning();
  const [unlinked] = await db
    .insert(parts)
    .values({
      shopId: shop,
      kind: "inventory",
      description: "Cabin filter",
      retailCost: "24.5",
      quantityAvailable: "10",
    })
    .returning();
  const [customer] = await db
    .insert(customers)
    .values({
      shopId: shop,
      firstName: "Ada",
      lastName: `Lovelace ${shop}`,
      email: `ada@${shop}.example`,
    })
    .returning();
  if (!linked || !unlinked || !customer) throw new Error("seed failed");
  return { realmId, linked, unlinked, customer, auth: a };
}

export async function createOrder(h: OrdersHarness, shop: string, body: object): Promise<Order> {
  const res = await request(h.t.app)
    .post("/api/orders")
    .set("authorization", await auth(h, shop))
    .send(body);
  if (res.status !== 201)
    throw new Error(`create order → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Order;
}

export async function getOrder(h: OrdersHarness, shop: string, id: string): Promise<Order> {
  const res = await request(h.t.app)
    .get(`/api/orders/${id}`)
    .set("authorization", await auth(h, shop))
    .expect(200);
  return res.body as Order;
}

/** Polls the order as the SPA does until its QuickBooks status settles. */
export async function settled(h: OrdersHarness, shop: string, id: string, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const o = await getOrder(h, shop, id);
    if (o.quickBooks.status !== "pending") return o;
    if (Date.now() > until) throw new Error(`order ${id} still pending`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function partQuantity(h: OrdersHarness, shop: string, id: string) {
  const [row] = await h.t.deps.db
    .select({ q: parts.quantityAvailable })
    .from(parts)
    .where(and(eq(parts.shopId, shop), eq(parts.id, id)));
  return row?.q == null ? row?.q : normalize(row.q);
}

/** QuickBooks' own numbers, read over the API like any client would. */
export async function qtyOnHand(client: QboClient, shop: string, itemId: string) {
  const r = await client.call<{ Item: { QtyOnHand?: number } }>(shop, {
    method: "GET",
    path: `item/${itemId}`,
  });
  return r.Item.QtyOnHand;
}

export async function invoicesNumbered(client: QboClient, shop: string, doc: number | string) {
  const r = await client.call<{
    QueryResponse: { Invoice?: { Id: string; SyncToken: string; Line: unknown[] }[] };
  }>(shop, {
    method: "GET",
    path: "query",
    query: { query: `select * from Invoice where DocNumber = '${doc}'` },
  });
  return r.QueryResponse.Invoice ?? [];
}
