import request from "supertest";
import { and, eq, sql } from "drizzle-orm";
import { rowsOf } from "../../db/client.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockMovements, syncOwnWrites } from "../../db/schema/index.js";
import { testBackends } from "../../testing/test-database.js";
import { INVOICE_QUEUE } from "./quickbooks/invoice.worker.js";
import {
  ITEMS,
  MAPPING,
  type OrdersHarness,
  auth,
  createOrder,
  invoicesNumbered,
  partQuantity,
  preparedShop,
  qtyOnHand,
  settled,
  startOrdersHarness,
} from "../../testing/orders-harness.js";

describe.each(testBackends())("invoicing an order on %s", (backend) => {
  let h: OrdersHarness;
  beforeAll(async () => {
    h = await startOrdersHarness(backend);
  });
  afterAll(() => h.close());

  it("lowers stock once on each side, with exact amounts (2.5 × 7.99 never trips 6070)", async () => {
    const s = await preparedShop(h, "inv-a");
    const order = await createOrder(h, "inv-a", {
      customerId: s.customer.id,
      lines: [
        { kind: "part", partId: s.linked.id, quantity: "2.5", unitPrice: "7.99" },
        { kind: "part", partId: s.unlinked.id, quantity: "3" },
        { kind: "labor", description: "Oil change", quantity: "1.25", unitPrice: "145" },
      ],
    });
    expect(order.lines.map((l) => l.amount)).toEqual(["19.98", "73.50", "181.25"]);
    expect(order.total).toBe("274.73");
    expect(order.number).toBe(1001);
    expect(order.quickBooks.status).toBe("not_sent");

    const invoiced = await request(h.t.app)
      .post(`/api/orders/${order.id}/invoice`)
      .set("authorization", await auth(h, "inv-a", "manager"))
      .expect(200);
    expect(invoiced.body.status).toBe("invoiced");
    expect(await partQuantity(h, "inv-a", s.linked.id)).toBe("45.5");
    expect(await partQuantity(h, "inv-a", s.unlinked.id)).toBe("7");

    const sent = await settled(h, "inv-a", order.id);
    expect(sent.quickBooks).toMatchObject({ status: "sent", docNumber: "1001" });
    expect(sent.quickBooks.link).toContain(sent.quickBooks.invoiceId);
    const client = h.t.deps.qbo.client;
    expect(await qtyOnHand(client, "inv-a", ITEMS.oilFilter)).toBe(45.5);
    const [inv] = await invoicesNumbered(client, "inv-a", 1001);
    const lines = (inv?.Line ?? []) as {
      Amount: number;
      SalesItemLineDetail?: { ItemRef: { value: string }; Qty: number };
    }[];
    expect(lines.slice(0, 3).map((l) => [l.SalesItemLineDetail?.ItemRef.value, l.Amount])).toEqual([
      [ITEMS.oilFilter, 19.98],
      [MAPPING.parts, 73.5],
      [MAPPING.labor, 181.25],
    ]);
    // The sync is told this change was ours, so the webhook won't lower Shopmonkey again.
    const own = await h.t.deps.db
      .select()
      .from(syncOwnWrites)
      .where(eq(syncOwnWrites.shopId, "inv-a"));
    expect(own.map((w) => [w.itemRef, w.quantityDelta, w.status])).toEqual([
      [ITEMS.oilFilter, "-2.5", "sent"],
    ]);
    const moves = await h.t.deps.db
      .select()
      .from(stockMovements)
      .where(and(eq(stockMovements.shopId, "inv-a"), eq(stockMovements.reason, "invoice")));
    expect(moves).toHaveLength(2);
  });

  it("survives a double submit: stock lowered once, one QuickBooks invoice", async () => {
    const s = await preparedShop(h, "inv-b");
    const order = await createOrder(h, "inv-b", {
      customerId: s.customer.id,
      lines: [{ kind: "part", partId: s.linked.id, quantity: "2" }],
    });
    const a = await auth(h, "inv-b", "manager");
    const [r1, r2] = await Promise.all([
      request(h.t.app).post(`/api/orders/${order.id}/invoice`).set("authorization", a),
      request(h.t.app).post(`/api/orders/${order.id}/invoice`).set("authorization", a),
    ]);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    await Promise.all([
      request(h.t.app).post(`/api/orders/${order.id}/quickbooks`).set("authorization", a),
      request(h.t.app).post(`/api/orders/${order.id}/quickbooks`).set("authorization", a),
    ]);
    expect((await settled(h, "inv-b", order.id)).quickBooks.status).toBe("sent");
    await request(h.t.app)
      .post(`/api/orders/${order.id}/quickbooks`)
      .set("authorization", a)
      .expect(200);
    expect((await settled(h, "inv-b", order.id)).quickBooks.status).toBe("sent");
    expect(await partQuantity(h, "inv-b", s.linked.id)).toBe("46");
    const client = h.t.deps.qbo.client;
    expect(await qtyOnHand(client, "inv-b", ITEMS.oilFilter)).toBe(46);
    expect(await invoicesNumbered(client, "inv-b", order.number)).toHaveLength(1);
  });

  it("twenty 'Send now' clicks at once queue one send", async () => {
    const s = await preparedShop(h, "inv-q", { autoSend: false });
    const order = await createOrder(h, "inv-q", {
      customerId: s.customer.id,
      lines: [{ kind: "part", partId: s.linked.id, quantity: "1" }],
    });
    const a = await auth(h, "inv-q", "manager");
    await request(h.t.app).post(`/api/orders/${order.id}/invoice`).set("authorization", a);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        request(h.t.app).post(`/api/orders/${order.id}/quickbooks`).set("authorization", a),
      ),
    );
    expect(new Set(answers.map((r) => r.status))).toEqual(new Set([200]));
    expect((await settled(h, "inv-q", order.id)).quickBooks.status).toBe("sent");
    // Each click read "not sent" before any had written "pending"; only one may queue a send.
    const jobs = rowsOf<{ n: number }>(
      await h.t.deps.db.execute(
        sql`select count(*)::int as n from pgboss.job
            where name = ${INVOICE_QUEUE} and data->>'orderId' = ${order.id}`,
      ),
    );
    expect(jobs).toEqual([{ n: 1 }]);
    expect(await invoicesNumbered(h.t.deps.qbo.client, "inv-q", order.number)).toHaveLength(1);
  });

  it("re-sends an edited order as an update of the same invoice, moving only the difference", async () => {
    const s = await preparedShop(h, "inv-c", { autoSend: false });
    const order = await createOrder(h, "inv-c", {
      customerId: s.customer.id,
      lines: [{ kind: "part", partId: s.linked.id, quantity: "2" }],
    });
    const a = await auth(h, "inv-c", "manager");
    await request(h.t.app)
      .post(`/api/orders/${order.id}/quickbooks`)
      .set("authorization", a)
      .expect(200);
    const first = await settled(h, "inv-c", order.id);
    expect(first.quickBooks.status).toBe("sent");
    const client = h.t.deps.qbo.client;
    expect(await qtyOnHand(client, "inv-c", ITEMS.oilFilter)).toBe(46);

    const edited = await request(h.t.app)
      .patch(`/api/orders/${order.id}`)
      .set("authorization", a)
      .send({ lines: [{ kind: "part", partId: s.linked.id, quantity: "5" }] })
      .expect(200);
    expect(edited.body.quickBooks.status).toBe("out_of_date");
    await request(h.t.app)
      .post(`/api/orders/${order.id}/quickbooks`)
      .set("authorization", a)
      .expect(200);
    const second = await settled(h, "inv-c", order.id);
    expect(second.quickBooks).toMatchObject({
      status: "sent",
      invoiceId: first.quickBooks.invoiceId,
    });
    expect(await qtyOnHand(client, "inv-c", ITEMS.oilFilter)).toBe(43);
    expect(await invoicesNumbered(client, "inv-c", order.number)).toHaveLength(1);

    await request(h.t.app)
      .post(`/api/orders/${order.id}/invoice`)
      .set("authorization", a)
      .expect(200);
    expect(await partQuantity(h, "inv-c", s.linked.id)).toBe("43");
    const locked = await request(h.t.app)
      .patch(`/api/orders/${order.id}`)
      .set("authorization", a)
      .send({ lines: [{ kind: "part", partId: s.linked.id, quantity: "1" }] });
    expect(locked.status).toBe(409);
  });

  // PostgreSQL shows real row-lock contention; PGlite proves the same outcome serialized.
  it("50 concurrent invoices of one part: exact quantities on both sides, 50 invoices", async () => {
    const s = await preparedShop(h, "inv-50");
    const made = await Promise.all(
      Array.from({ length: 50 }, () =>
        createOrder(h, "inv-50", {
          customerId: s.customer.id,
          lines: [{ kind: "part", partId: s.linked.id, quantity: "0.5" }],
        }),
      ),
    );
    expect(new Set(made.map((o) => o.number)).size).toBe(50);
    const a = await auth(h, "inv-50", "manager");
    const started = Date.now();
    const answers = await Promise.all(
      made.map((o) => request(h.t.app).post(`/api/orders/${o.id}/invoice`).set("authorization", a)),
    );
    expect(answers.map((r) => r.status)).toEqual(made.map(() => 200));
    expect(await partQuantity(h, "inv-50", s.linked.id)).toBe("23");
    for (const o of made)
      expect((await settled(h, "inv-50", o.id, 60_000)).quickBooks.status).toBe("sent");
    const client = h.t.deps.qbo.client;
    expect(await qtyOnHand(client, "inv-50", ITEMS.oilFilter)).toBe(23);
    const count = await client.call<{ QueryResponse: { totalCount: number } }>("inv-50", {
      method: "GET",
      path: "query",
      query: { query: "select count(*) from Invoice" },
    });
    expect(count.QueryResponse.totalCount).toBe(50);
    console.info(`50 invoices: stock and QuickBooks settled in ${Date.now() - started} ms`);
  }, 90_000);
});
