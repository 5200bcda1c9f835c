import { eq, sql } from "drizzle-orm";
import request from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { customers, orders } from "../../db/schema/index.js";
import { createQboClient } from "../../integrations/qbo/client.js";
import { createLimiter } from "../../integrations/qbo/limiter.js";
import { admin } from "../../testing/sandbox.js";
import { testBackends } from "../../testing/test-database.js";
import {
  ITEMS,
  type OrdersHarness,
  createOrder,
  getOrder,
  invoicesNumbered,
  partQuantity,
  preparedShop,
  qtyOnHand,
  startOrdersHarness,
} from "../../testing/orders-harness.js";
import { type SendDeps, sendOrder } from "./quickbooks/send-order.js";

/**
 * Sends driven by hand (no worker), so each test decides what fails where; every sendOrder
 * call below is what one run of the pg-boss job does.
 */
describe.each(testBackends())("exactly once on both sides when things fail, on %s", (backend) => {
  let h: OrdersHarness;
  let deps: SendDeps;
  beforeAll(async () => {
    h = await startOrdersHarness(backend, { worker: false });
    deps = { db: h.t.deps.db, client: h.t.deps.qbo.client, logger: h.t.deps.logger };
  });
  afterAll(() => h.close());
  beforeEach(() => admin(h.sandbox, "DELETE", "/faults"));

  /** Until the sandbox has finished every delayed or hanging request (our client gave up on them). */
  const sandboxSettled = () =>
    vi.waitFor(() => expect(h.sandbox.state.sleeper.inProgress).toBe(0), { timeout: 20_000 });

  /** An invoiced order of 2 linked oil filters, queued to send (the customer already linked). */
  async function invoicedOrder(shop: string) {
    const s = await preparedShop(h, shop);
    await h.t.deps.db
      .update(customers)
      .set({ quickBooksCustomerRef: "1", quickBooksRealmId: s.realmId })
      .where(eq(customers.id, s.customer.id));
    const order = await createOrder(h, shop, {
      customerId: s.customer.id,
      lines: [{ kind: "part", partId: s.linked.id, quantity: "2" }],
    });
    await request(h.t.app)
      .post(`/api/orders/${order.id}/invoice`)
      .set("authorization", s.auth)
      .expect(200);
    expect((await getOrder(h, shop, order.id)).quickBooks.status).toBe("pending");
    return { ...s, order };
  }

  async function expectOnceOnBothSides(shop: string, s: Awaited<ReturnType<typeof invoicedOrder>>) {
    const o = await getOrder(h, shop, s.order.id);
    expect(o.quickBooks.status).toBe("sent");
    expect(await invoicesNumbered(h.t.deps.qbo.client, shop, s.order.number)).toHaveLength(1);
    expect(await qtyOnHand(h.t.deps.qbo.client, shop, ITEMS.oilFilter)).toBe(46);
    expect(await partQuantity(h, shop, s.linked.id)).toBe("46");
  }

  it("injected 500s on every other call: retried, one invoice", async () => {
    const s = await invoicedOrder("f-500");
    await admin(h.sandbox, "POST", "/faults", { realmId: s.realmId, rate500: 0.5 });
    let outcome = await sendOrder(deps, "f-500", s.order.id);
    for (let i = 0; outcome === "retry" && i < 4; i++)
      outcome = await sendOrder(deps, "f-500", s.order.id);
    expect(outcome).toBe("sent");
    await admin(h.sandbox, "DELETE", "/faults");
    await expectOnceOnBothSides("f-500", s);
  });

  it("a timeout after QuickBooks wrote: the retried job replays, never a second invoice", async () => {
    const s = await invoicedOrder("f-late");
    // Our client gives up after 300 ms; the sandbox answers (and writes) after 800 ms.
    const impatient = createQboClient({
      config: h.t.deps.qbo.config,
      tokens: h.t.deps.qbo.tokens,
      limiter: createLimiter(),
      logger: h.t.deps.logger,
      timeoutMs: 300,
      maxAttempts: 2,
    });
    await admin(h.sandbox, "POST", "/faults", { realmId: s.realmId, latencyMs: 800 });
    expect(await sendOrder({ ...deps, client: impatient }, "f-late", s.order.id)).toBe("retry");
    await sandboxSettled(); // both attempts have landed at QuickBooks
    await admin(h.sandbox, "DELETE", "/faults");
    expect(await qtyOnHand(h.t.deps.qbo.client, "f-late", ITEMS.oilFilter)).toBe(46);
    expect(await sendOrder(deps, "f-late", s.order.id)).toBe("sent");
    await expectOnceOnBothSides("f-late", s);
  });

  it("a timeout before QuickBooks wrote: sent on the next run", async () => {
    const s = await invoicedOrder("f-hang");
    const impatient = createQboClient({
      config: h.t.deps.qbo.config,
      tokens: h.t.deps.qbo.tokens,
      limiter: createLimiter(),
      logger: h.t.deps.logger,
      timeoutMs: 300,
      maxAttempts: 1,
    });
    await admin(h.sandbox, "POST", "/faults", {
      realmId: s.realmId,
      rateTimeout: 1,
      timeoutMs: 400,
    });
    expect(await sendOrder({ ...deps, client: impatient }, "f-hang", s.order.id)).toBe("retry");
    await sandboxSettled(); // the hang ended without a write
    await admin(h.sandbox, "DELETE", "/faults");
    expect(await invoicesNumbered(h.t.deps.qbo.client, "f-hang", s.order.number)).toHaveLength(0);
    expect(await sendOrder(deps, "f-hang", s.order.id)).toBe("sent");
    await expectOnceOnBothSides("f-hang", s);
  });

  it("killed between QuickBooks' answer and our commit: the next run records it once", async () => {
    const s = await invoicedOrder("f-kill");
    const crashing = {
      ...deps,
      afterQuickBooksWrite: () => Promise.reject(new Error("SIGKILL")),
    };
    expect(await sendOrder(crashing, "f-kill", s.order.id)).toBe("retry");
    expect(await qtyOnHand(h.t.deps.qbo.client, "f-kill", ITEMS.oilFilter)).toBe(46);
    expect((await getOrder(h, "f-kill", s.order.id)).quickBooks.status).toBe("pending");
    expect(await sendOrder(deps, "f-kill", s.order.id)).toBe("sent");
    await expectOnceOnBothSides("f-kill", s);
  });

  it("even when Intuit no longer replays the requestid, our DocNumber finds the invoice", async () => {
    const s = await invoicedOrder("f-lost");
    const crashing = { ...deps, afterQuickBooksWrite: () => Promise.reject(new Error("kill")) };
    expect(await sendOrder(crashing, "f-lost", s.order.id)).toBe("retry");
    // As if the replay window had passed: the stored write gets a requestid Intuit never saw.
    await h.t.deps.db
      .update(orders)
      .set({ qboPending: sql`jsonb_set(${orders.qboPending}, '{requestId}', '"forgotten-1"')` })
      .where(eq(orders.id, s.order.id));
    expect(await sendOrder(deps, "f-lost", s.order.id)).toBe("sent");
    await expectOnceOnBothSides("f-lost", s);
  });

  it("gives up as failed (with Retry) after repeated outages, then Retry sends it once", async () => {
    const s = await invoicedOrder("f-down");
    await admin(h.sandbox, "POST", "/faults", { realmId: s.realmId, rate500: 1 });
    const quick = createQboClient({
      config: h.t.deps.qbo.config,
      tokens: h.t.deps.qbo.tokens,
      limiter: createLimiter(),
      logger: h.t.deps.logger,
      maxAttempts: 1,
    });
    let outcome = await sendOrder({ ...deps, client: quick }, "f-down", s.order.id);
    while (outcome === "retry")
      outcome = await sendOrder({ ...deps, client: quick }, "f-down", s.order.id);
    expect(outcome).toBe("failed");
    const failed = await getOrder(h, "f-down", s.order.id);
    expect(failed.quickBooks.status).toBe("failed");
    expect(failed.quickBooks.error?.code).toBe("quickbooks_unavailable");
    await admin(h.sandbox, "DELETE", "/faults");
    await request(h.t.app)
      .post(`/api/orders/${s.order.id}/quickbooks`)
      .set("authorization", s.auth)
      .expect(200);
    expect(await sendOrder(deps, "f-down", s.order.id)).toBe("sent");
    await expectOnceOnBothSides("f-down", s);
  });
});
