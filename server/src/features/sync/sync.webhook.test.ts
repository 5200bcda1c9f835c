import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stats } from "../../testing/sandbox.js";
import { testBackends } from "../../testing/test-database.js";
import {
  type SyncHarness,
  changeItem,
  changeItemQuietly,
  connectedShopWithInventory,
  drained,
  itemEvent,
  partOf,
  postWebhook,
  quickbooksMovements,
  sign,
  startSyncHarness,
  waitFor,
} from "../../testing/sync-harness.js";

describe.each(testBackends())("QuickBooks changes through webhooks on %s", (backend) => {
  let h: SyncHarness;
  let realm: string;
  const shop = "shop-sync";

  beforeAll(async () => {
    h = await startSyncHarness(backend);
    realm = await connectedShopWithInventory(h, shop, "Webhook Motors");
  }, 60_000);
  afterAll(async () => h.close());

  it("brings a price and a quantity changed in QuickBooks to the part by webhook", async () => {
    const before = await partOf(h, shop, "1");
    const qty = Number(before.quantityAvailable) + 7;
    await changeItem(h, shop, "1", { UnitPrice: 42.5, PurchaseCost: 19.25, QtyOnHand: qty });
    const after = await waitFor("the part to follow QuickBooks", async () => {
      const p = await partOf(h, shop, "1");
      return p.retailCost === "42.5" && Number(p.quantityAvailable) === qty && p;
    });
    // No stopwatch (a busy machine makes any latency long): only the webhook can bring it
    // before waitFor gives up: the catch-up (hourly in this harness) is never called here.
    expect(after.cost).toBe("19.25");
    const moves = await quickbooksMovements(h, before.id);
    expect(moves.map((m) => m.delta)).toEqual(["7"]);
  });

  it("refuses a forged signature (401) and changes nothing", async () => {
    const body = itemEvent(realm, "2");
    const forged = await postWebhook(h, body, sign(body, "not-the-verifier"));
    expect(forged.status).toBe(401);
    const otherBody = await postWebhook(h, body, sign(itemEvent(realm, "3")));
    expect(otherBody.status).toBe(401);
    const missing = await postWebhook(h, body, "");
    expect(missing.status).toBe(401);
    expect(await h.t.deps.db.query.syncPending.findMany()).toEqual([]);
  });

  it("applies the same event delivered three times once", async () => {
    const before = await partOf(h, shop, "2");
    // Changed while nobody listens, so only our hand-made deliveries announce it.
    const target = Number(before.quantityAvailable) - 3;
    await changeItemQuietly(h, shop, "2", { QtyOnHand: target });
    const body = itemEvent(realm, "2", "2026-01-01T00:00:00.000Z");
    const answers = await Promise.all([
      postWebhook(h, body),
      postWebhook(h, body),
      postWebhook(h, body),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    // Same change, re-batched with different bytes: still one application.
    await postWebhook(h, itemEvent(realm, "2", "2026-01-01T00:00:01.000Z"));
    await drained(h);
    const after = await partOf(h, shop, "2");
    expect(Number(after.quantityAvailable)).toBe(target);
    expect((await quickbooksMovements(h, before.id)).map((m) => m.delta)).toEqual(["-3"]);
  });

  it("applies an item named twice in one body (Create + Update, a Merge) once, answering 200", async () => {
    const before = await partOf(h, shop, "4");
    const target = Number(before.quantityAvailable) - 5;
    await changeItemQuietly(h, shop, "4", { QtyOnHand: target });
    const lastUpdated = new Date().toISOString();
    const entity = (operation: string) => ({ name: "Item", id: "4", operation, lastUpdated });
    const legacy = JSON.stringify({
      eventNotifications: [
        {
          realmId: realm,
          dataChangeEvent: { entities: [entity("Create"), entity("Update"), entity("Merge")] },
        },
        { realmId: realm, dataChangeEvent: { entities: [entity("Update")] } },
      ],
    });
    const cloudEvent = (n: number) => ({
      specversion: "1.0",
      id: `twice-${n}`,
      source: "intuit.test",
      type: "qbo.item.updated.v1",
      time: lastUpdated,
      intuitaccountid: realm,
      intuitentityid: "4",
    });
    expect((await postWebhook(h, legacy)).status).toBe(200);
    expect((await postWebhook(h, JSON.stringify([cloudEvent(1), cloudEvent(2)]))).status).toBe(200);
    await drained(h);
    expect(Number((await partOf(h, shop, "4")).quantityAvailable)).toBe(target);
    expect((await quickbooksMovements(h, before.id)).map((m) => m.delta)).toEqual(["-5"]);
  });

  it("takes a body of 22,000 events (200) and reads QuickBooks only for the items it links", async () => {
    const before = await partOf(h, shop, "5");
    await changeItemQuietly(h, shop, "5", { UnitPrice: 77.5 });
    const reads = async () => (await stats(h.sandbox, realm)).byPath["GET /item/:id"] ?? 0;
    const readsBefore = await reads();
    // Ids no part is linked to (items never imported), and the one that is: more rows than one
    // INSERT's 65,535 parameters can carry.
    const entities = Array.from({ length: 22_000 }, (_, i) => ({ name: "Item", id: `9${i}` }));
    entities.push({ name: "Item", id: "5" });
    const body = JSON.stringify({
      eventNotifications: [{ realmId: realm, dataChangeEvent: { entities } }],
    });
    expect((await postWebhook(h, body)).status).toBe(200);
    await waitFor(
      "22,001 changes to be worked through",
      async () => (await h.t.deps.db.query.syncPending.findMany({ limit: 1 })).length === 0,
      60_000,
    );
    expect((await partOf(h, shop, "5")).retailCost).toBe("77.5");
    expect(before.retailCost).not.toBe("77.5");
    expect((await reads()) - readsBefore).toBe(1);
  }, 120_000);
});
