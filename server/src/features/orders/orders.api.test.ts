import { AdjustmentAccountListSchema } from "@app/shared";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers } from "../../db/schema/index.js";
import { testBackends } from "../../testing/test-database.js";
import {
  MAPPING,
  type OrdersHarness,
  auth,
  createOrder,
  preparedShop,
  settled,
  startOrdersHarness,
} from "../../testing/orders-harness.js";

describe.each(testBackends())("accounting and orders API on %s", (backend) => {
  let h: OrdersHarness;
  beforeAll(async () => {
    h = await startOrdersHarness(backend);
  });
  afterAll(() => h.close());

  it("lists live services and non-inventory items and validates the mapping against them", async () => {
    const s = await preparedShop(h, "api-a");
    const items = await request(h.t.app)
      .get("/api/quickbooks/items?types=Service,NonInventory")
      .set("authorization", s.auth)
      .expect(200);
    expect(items.body.items).toHaveLength(10);
    expect(new Set(items.body.items.map((i: { type: string }) => i.type))).toEqual(
      new Set(["Service", "NonInventory"]),
    );
    const bad = await request(h.t.app)
      .put("/api/quickbooks/accounting")
      .set("authorization", s.auth)
      .send({ categoryItems: { ...MAPPING, labor: "9999", tires: "1" }, autoSendInvoices: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      "body.categoryItems.labor",
      "body.categoryItems.tires",
    ]);
    // Each issue carries a reason and its parameters for the reader's language.
    expect(bad.body.error.details[0]).toMatchObject({
      reason: "unknown_item",
      params: { id: "9999" },
    });
    const manager = await request(h.t.app)
      .put("/api/quickbooks/accounting")
      .set("authorization", await auth(h, "api-a", "manager"))
      .send({ categoryItems: MAPPING, autoSendInvoices: false });
    expect(manager.status).toBe(403);
    const saved = await request(h.t.app)
      .get("/api/quickbooks/accounting")
      .set("authorization", await auth(h, "api-a", "technician"))
      .expect(200);
    expect(saved.body).toEqual({
      categoryItems: MAPPING,
      autoSendInvoices: true,
      adjustmentAccountId: null,
    });
  });

  it("offers the company's expense accounts for stock adjustments, with a default, and checks the choice", async () => {
    const s = await preparedShop(h, "api-adj");
    const listed = await request(h.t.app)
      .get("/api/quickbooks/adjustment-accounts")
      .set("authorization", s.auth)
      .expect(200);
    const { items, defaultId } = AdjustmentAccountListSchema.parse(listed.body);
    expect(items.length).toBeGreaterThan(0);
    expect(
      items.every((a) => ["Cost of Goods Sold", "Expense", "Other Expense"].includes(a.type)),
    ).toBe(true);
    expect(items.find((a) => a.id === defaultId)?.type).toBe("Cost of Goods Sold");
    const bad = await request(h.t.app)
      .put("/api/quickbooks/accounting")
      .set("authorization", s.auth)
      .send({ categoryItems: MAPPING, autoSendInvoices: true, adjustmentAccountId: "99999" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      "body.adjustmentAccountId",
    ]);
    const chosen = items.find((a) => a.id !== defaultId) ?? items[0]!;
    await request(h.t.app)
      .put("/api/quickbooks/accounting")
      .set("authorization", s.auth)
      .send({ categoryItems: MAPPING, autoSendInvoices: true, adjustmentAccountId: chosen.id })
      .expect(200);
    // Saving the form without the field leaves the choice as it is.
    const kept = await request(h.t.app)
      .put("/api/quickbooks/accounting")
      .set("authorization", s.auth)
      .send({ categoryItems: MAPPING, autoSendInvoices: false })
      .expect(200);
    expect(kept.body.adjustmentAccountId).toBe(chosen.id);
  });

  it("refuses to send with an unmapped category or no connection, saying what to fix", async () => {
    const s = await preparedShop(h, "api-b", { autoSend: false });
    await request(h.t.app)
      .put("/api/quickbooks/accounting")
      .set("authorization", s.auth)
      .send({ categoryItems: { ...MAPPING, tires: null }, autoSendInvoices: false })
      .expect(200);
    const order = await createOrder(h, "api-b", {
      customerId: s.customer.id,
      lines: [{ kind: "tires", description: "Tire", quantity: "4", unitPrice: "120" }],
    });
    const refused = await request(h.t.app)
      .post(`/api/orders/${order.id}/quickbooks`)
      .set("authorization", s.auth);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("Map Tires to a QuickBooks item");
    expect(refused.body.error.message).toContain("Configure accounting");

    await request(h.t.app)
      .delete("/api/quickbooks/connection")
      .set("authorization", s.auth)
      .expect(204);
    const offline = await request(h.t.app)
      .post(`/api/orders/${order.id}/quickbooks`)
      .set("authorization", s.auth);
    expect(offline.status).toBe(409);
    expect(offline.body.error.code).toBe("quickbooks_not_connected");
    expect((await settled(h, "api-b", order.id)).quickBooks.status).toBe("not_sent");
  });

  it("keeps orders to their shop (404) and invoicing to managers and above (403)", async () => {
    const s = await preparedShop(h, "api-c");
    const order = await createOrder(h, "api-c", {
      customerId: s.customer.id,
      lines: [{ kind: "labor", description: "Diag", quantity: "1", unitPrice: "120" }],
    });
    const other = await auth(h, "api-other");
    for (const [method, path] of [
      ["get", ""],
      ["patch", ""],
      ["post", "/invoice"],
      ["post", "/quickbooks"],
    ] as const) {
      const agent = request(h.t.app);
      const url = `/api/orders/${order.id}${path}`;
      const call =
        method === "get" ? agent.get(url) : method === "patch" ? agent.patch(url) : agent.post(url);
      const res = await call
        .set("authorization", other)
        .send(method === "patch" ? { customerId: s.customer.id } : {});
      expect([method, path, res.status, res.body.error?.code]).toEqual([
        method,
        path,
        404,
        "not_found",
      ]);
    }
    expect((await request(h.t.app).get("/api/orders").set("authorization", other)).body).toEqual({
      items: [],
    });
    expect(
      (
        await request(h.t.app)
          .post(`/api/orders/${order.id}/invoice`)
          .set("authorization", await auth(h, "api-c", "technician"))
      ).status,
    ).toBe(403);
    expect(
      (
        await request(h.t.app)
          .post(`/api/orders/${order.id}/quickbooks`)
          .set("authorization", await auth(h, "api-c", "technician"))
      ).status,
    ).toBe(403);
    const list = await request(h.t.app)
      .get("/api/orders")
      .set("authorization", await auth(h, "api-c", "technician"))
      .expect(200);
    expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([order.id]);
    expect(
      (await request(h.t.app).get("/api/orders/not-a-uuid").set("authorization", s.auth)).status,
    ).toBe(404);
  });

  it("validates lines: positive quantities, known parts, a customer of this shop", async () => {
    const s = await preparedShop(h, "api-d");
    const res = await request(h.t.app)
      .post("/api/orders")
      .set("authorization", s.auth)
      .send({
        customerId: s.customer.id,
        lines: [
          { kind: "labor", description: "x", quantity: "0", unitPrice: "1" },
          { kind: "fees", description: "y", quantity: "1", unitPrice: 2 },
        ],
      });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual([
      "body.lines.0.quantity",
      "body.lines.1.unitPrice",
    ]);
    expect(res.body.error.details.map((d: { reason: string }) => d.reason)).toEqual([
      "more_than_zero",
      "invalid_value",
    ]);
    const unknown = await request(h.t.app)
      .post("/api/orders")
      .set("authorization", s.auth)
      .send({
        customerId: s.customer.id,
        lines: [{ kind: "part", partId: "00000000-0000-4000-8000-000000000000", quantity: "1" }],
      });
    expect(unknown.body.error.details).toEqual([
      {
        path: "body.lines.0.partId",
        message: "No such part in this shop",
        reason: "unknown_part",
      },
    ]);
  });

  it("resolves a DisplayName collision (6240): links the same person, suffixes a namesake", async () => {
    const s = await preparedShop(h, "api-e");
    const [same, namesake] = await h.t.deps.db
      .insert(customers)
      .values([
        // QuickBooks' demo customer 1 is Maria Gonzalez, maria.gonzalez@example.com.
        {
          shopId: "api-e",
          firstName: "Maria",
          lastName: "Gonzalez",
          email: "MARIA.gonzalez@example.com",
        },
        {
          shopId: "api-e",
          firstName: "Emily",
          lastName: "Chen",
          email: "someone.else@example.com",
        },
      ])
      .returning();
    for (const c of [same!, namesake!]) {
      const order = await createOrder(h, "api-e", {
        customerId: c.id,
        lines: [{ kind: "labor", description: "Diag", quantity: "1", unitPrice: "120" }],
      });
      await request(h.t.app)
        .post(`/api/orders/${order.id}/quickbooks`)
        .set("authorization", s.auth)
        .expect(200);
      expect((await settled(h, "api-e", order.id)).quickBooks.status).toBe("sent");
    }
    const linked = await request(h.t.app)
      .get(`/api/customers/${same!.id}`)
      .set("authorization", s.auth);
    expect(linked.body.quickBooksCustomerRef).toBe("1");
    const other = await request(h.t.app)
      .get(`/api/customers/${namesake!.id}`)
      .set("authorization", s.auth);
    const qbo = await h.t.deps.qbo.client.call<{ Customer: { DisplayName: string } }>("api-e", {
      method: "GET",
      path: `customer/${other.body.quickBooksCustomerRef}`,
    });
    expect(qbo.Customer.DisplayName).toBe("Emily Chen (2)");
    const marias = await h.t.deps.qbo.client.call<{ QueryResponse: { Customer?: unknown[] } }>(
      "api-e",
      {
        method: "GET",
        path: "query",
        query: { query: "select * from Customer where GivenName = 'Maria'" },
      },
    );
    expect(marias.QueryResponse.Customer).toHaveLength(1);
  });
});
