import { HealthSchema } from "@app/shared";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectShop } from "../../testing/connect.js";
import { admin } from "../../testing/sandbox.js";
import { testBackends } from "../../testing/test-database.js";
import { runImportToEnd, startWorker } from "../imports/imports.testing.js";
import {
  MAPPING,
  type OrdersHarness,
  createOrder,
  invoicesNumbered,
  preparedShop,
  settled,
  startOrdersHarness,
} from "../../testing/orders-harness.js";

interface Metered {
  metered: { month: string; realmId: string; corePlus: number; core: number }[];
}

describe.each(testBackends())("the sync health page on %s", (backend) => {
  let h: OrdersHarness;
  let stopImports: () => Promise<void>;
  const health = async (shop: string) =>
    HealthSchema.parse(
      (
        await request(h.t.app)
          .get("/api/quickbooks/health")
          .set("authorization", `Bearer ${await h.t.token(shop)}`)
          .expect(200)
      ).body,
    );
  const post = async (shop: string, path: string, role: "owner" | "technician" = "owner") =>
    request(h.t.app)
      .post(path)
      .set("authorization", `Bearer ${await h.t.token(shop, role)}`)
      .send({});

  beforeAll(async () => {
    h = await startOrdersHarness(backend);
    ({ stop: stopImports } = await startWorker(h.t));
  });
  afterAll(async () => {
    await stopImports();
    await h.close();
  });

  it("counts QuickBooks reads and writes exactly as the sandbox meters them", async () => {
    const shop = "health-calls";
    const { realmId } = await admin<{ realmId: string }>(h.sandbox, "POST", "/companies", {
      seed: "health-calls",
      items: { inventory: 1500, nonInventory: 20, service: 5 },
      customers: 30,
      vendors: 4,
    });
    await connectShop(h.t, shop, realmId);
    await runImportToEnd(h.t, shop, "inventory");
    await runImportToEnd(h.t, shop, "customers");
    await runImportToEnd(h.t, shop, "non_inventory", true);

    const { calls } = await health(shop);
    const stats = await admin<Metered>(h.sandbox, "GET", `/stats?realmId=${realmId}`);
    const metered = stats.metered.filter((m) => m.realmId === realmId);
    const reads = metered.reduce((n, m) => n + m.corePlus, 0);
    const writes = metered.reduce((n, m) => n + m.core, 0);
    expect(reads).toBeGreaterThan(3); // counts, pages of 1,000, the vendors, CompanyInfo
    expect(calls).toMatchObject({ reads, writes, readBudget: 500_000, warning: false });
    expect(calls?.days.reduce((n, d) => n + d.reads, 0)).toBe(reads);
  });

  it("shows a failed invoice send as a problem; Retry sends it once after the cause is fixed", async () => {
    const shop = "health-invoice";
    const s = await preparedShop(h, shop);
    // Someone makes the Labor item inactive in QuickBooks: invoices with labor are refused.
    const item = await h.t.deps.qbo.client.call<{ Item: { SyncToken: string; Name: string } }>(
      shop,
      { method: "GET", path: `item/${MAPPING.labor}` },
    );
    await h.t.deps.qbo.client.call(shop, {
      method: "POST",
      path: "item",
      body: {
        Id: MAPPING.labor,
        SyncToken: item.Item.SyncToken,
        Name: item.Item.Name,
        sparse: true,
        Active: false,
      },
    });
    const order = await createOrder(h, shop, {
      customerId: s.customer.id,
      lines: [{ kind: "labor", description: "Brake job", quantity: "2", unitPrice: "90" }],
    });
    await request(h.t.app)
      .post(`/api/orders/${order.id}/invoice`)
      .set("authorization", s.auth)
      .expect(200);
    expect((await settled(h, shop, order.id)).quickBooks.status).toBe("failed");

    const [problem] = (await health(shop)).problems.filter((p) => p.kind === "invoice_send");
    expect(problem).toMatchObject({
      code: "invoice_not_sent",
      params: { number: order.number },
      recordUrl: `/orders/${order.id}`,
      retryable: true,
    });
    expect(problem?.reason?.code).toMatch(/^quickbooks_/);
    expect(problem?.message).toContain(`Invoice ${order.number}`);
    expect(
      (await post(shop, `/api/quickbooks/health/problems/${problem!.id}/retry`, "technician"))
        .status,
    ).toBe(403);

    // The fix: labor posts to another QuickBooks item. Then Retry, from Health.
    await request(h.t.app)
      .put("/api/quickbooks/accounting")
      .set("authorization", s.auth)
      .send({ categoryItems: { ...MAPPING, labor: MAPPING.tires }, autoSendInvoices: true })
      .expect(200);
    expect((await post(shop, `/api/quickbooks/health/problems/${problem!.id}/retry`)).status).toBe(
      202,
    );
    expect((await settled(h, shop, order.id)).quickBooks.status).toBe("sent");
    expect(await invoicesNumbered(h.t.deps.qbo.client, shop, order.number)).toHaveLength(1);
    expect((await health(shop)).problems.filter((p) => p.kind === "invoice_send")).toEqual([]);
    // Retrying a problem that is gone is a 404, not a second send.
    expect((await post(shop, `/api/quickbooks/health/problems/${problem!.id}/retry`)).status).toBe(
      404,
    );
    expect(await invoicesNumbered(h.t.deps.qbo.client, shop, order.number)).toHaveLength(1);
  });

  it("lists skipped import records and the runs, and a dismissed problem stays away", async () => {
    const shop = "health-runs";
    const { realmId } = await admin<{ realmId: string }>(h.sandbox, "POST", "/companies", {
      name: shop,
    });
    await connectShop(h.t, shop, realmId);
    const run = await runImportToEnd(h.t, shop, "customers");
    expect(run.skipped).toBeGreaterThan(0); // the demo company has a sub-customer
    const before = await health(shop);
    expect(before.runs.map((r) => r.id)).toEqual([run.id]);
    const skipped = before.problems.find((p) => p.kind === "import_skipped");
    expect(skipped).toMatchObject({
      id: `import:${run.id}`,
      code: "import_records_skipped",
      params: { count: run.skipped, category: "customers" },
      retryable: false,
    });
    expect((await post(shop, `/api/quickbooks/health/problems/${skipped!.id}/retry`)).status).toBe(
      409,
    );
    expect(
      (await post(shop, `/api/quickbooks/health/problems/${skipped!.id}/dismiss`)).status,
    ).toBe(204);
    expect((await health(shop)).problems.find((p) => p.kind === "import_skipped")).toBeUndefined();
    // Another shop never sees this shop's problems.
    expect((await health("health-other")).problems).toEqual([]);
  });
});
