import { and, eq } from "drizzle-orm";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers, syncOwnWrites } from "../../db/schema/index.js";
import { testBackends } from "../../testing/test-database.js";
import {
  type SyncHarness,
  connectedShopWithInventory,
  drained,
  partOf,
  quickbooksMovements,
  startSyncHarness,
  waitFor,
} from "../../testing/sync-harness.js";
import { MAPPING, qtyOnHand } from "../../testing/orders-harness.js";
import { sendOrder } from "./quickbooks/send-order.js";

/**
 * The loop that could double-count: our invoice lowers QuickBooks' QtyOnHand, QuickBooks
 * announces the item change by webhook, and the inventory sync must not lower Shopmonkey again.
 */
describe.each(testBackends())("an invoice's own webhook on %s", (backend) => {
  let h: SyncHarness;
  const shop = "shop-loop";
  beforeAll(async () => {
    h = await startSyncHarness(backend);
    await connectedShopWithInventory(h, shop, "Loop Motors");
  }, 60_000);
  afterAll(() => h.close());

  it("lowers the linked part once, although QuickBooks reports its own decrease back", async () => {
    const auth = `Bearer ${await h.t.token(shop, "owner")}`;
    await request(h.t.app)
      .put("/api/quickbooks/accounting")
      .set("authorization", auth)
      .send({ categoryItems: MAPPING, autoSendInvoices: false })
      .expect(200);
    const part = await partOf(h, shop, "1");
    const before = Number(part.quantityAvailable);
    const [customer] = await h.t.deps.db
      .insert(customers)
      .values({ shopId: shop, firstName: "Loop", lastName: "Tester", email: "loop@example.com" })
      .returning();
    const order = await request(h.t.app)
      .post("/api/orders")
      .set("authorization", auth)
      .send({
        customerId: customer!.id,
        lines: [{ kind: "part", partId: part.id, quantity: "3" }],
      })
      .expect(201);
    const id = order.body.id as string;
    await request(h.t.app).post(`/api/orders/${id}/invoice`).set("authorization", auth).expect(200);
    await request(h.t.app)
      .post(`/api/orders/${id}/quickbooks`)
      .set("authorization", auth)
      .expect(200);
    const deps = { db: h.t.deps.db, client: h.t.deps.qbo.client, logger: h.t.deps.logger };
    expect(await sendOrder(deps, shop, id)).toBe("sent");
    expect(await qtyOnHand(h.t.deps.qbo.client, shop, "1")).toBe(before - 3);

    // The sandbox's webhook reaches the app; the sync reads the item and nets out our write.
    await waitFor("the sync to consume our own write", async () => {
      const [own] = await h.t.deps.db
        .select()
        .from(syncOwnWrites)
        .where(and(eq(syncOwnWrites.shopId, shop), eq(syncOwnWrites.itemRef, "1")));
      return own?.status === "consumed";
    });
    await drained(h);
    expect(Number((await partOf(h, shop, "1")).quantityAvailable)).toBe(before - 3);
    expect(await quickbooksMovements(h, part.id)).toEqual([]);
  });
});
