import { StockMovementListSchema } from "@app/shared";
import request from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { admin } from "../../../testing/sandbox.js";
import { testBackends } from "../../../testing/test-database.js";
import {
  type SyncHarness,
  api,
  changeItem,
  connectedShopWithInventory,
  drained,
  partOf,
  startSyncHarness,
  waitFor,
} from "../../../testing/sync-harness.js";
import { type AdjustmentDeps, sendPartAdjustments } from "./send-adjustments.js";

interface QboAdjustment {
  Id: string;
  Line: { ItemAdjustmentLineDetail: { ItemRef: { value: string }; QtyDiff: number } }[];
}

/**
 * Shopmonkey's stock counts reach QuickBooks as InventoryAdjustments, over HTTP against the
 * sandbox, with the real worker and the sandbox's webhooks coming back to the app.
 */
describe.each(testBackends())("stock counts sent to QuickBooks, on %s", (backend) => {
  let h: SyncHarness;
  const shop = "shop-adjust";
  let realmId = "";

  const adjustmentsFor = async (itemRef: string) => {
    const res = await h.t.deps.qbo.client.call<{
      QueryResponse: { InventoryAdjustment?: QboAdjustment[] };
    }>(shop, {
      method: "GET",
      path: "query",
      query: { query: "select * from InventoryAdjustment maxresults 1000" },
    });
    return (res.QueryResponse.InventoryAdjustment ?? [])
      .flatMap((a) => a.Line.map((l) => l.ItemAdjustmentLineDetail))
      .filter((d) => d.ItemRef.value === itemRef)
      .map((d) => d.QtyDiff);
  };
  const qtyOnHand = async (itemRef: string) =>
    (
      await h.t.deps.qbo.client.call<{ Item: { QtyOnHand: number } }>(shop, {
        method: "GET",
        path: `item/${itemRef}`,
      })
    ).Item.QtyOnHand;
  /** The part editor's quantity field, saved. */
  const count = async (partId: string, quantity: number) => {
    const res = await request(h.t.app)
      .patch(`/api/inventory/${partId}`)
      .set("authorization", `Bearer ${await h.t.token(shop, "owner")}`)
      .send({ quantityAvailable: String(quantity) });
    expect(res.status).toBe(200);
  };
  const history = async (partId: string) =>
    StockMovementListSchema.parse(
      (await api(h, shop, "get", `/api/inventory/${partId}/movements`)).body,
    ).items;
  /** Waits until none of the part's changes is still on its way. */
  const settled = (partId: string) =>
    waitFor(
      "adjustments to settle",
      async () => {
        const items = await history(partId);
        return items.every((m) => m.quickBooks?.status !== "pending") && items;
      },
      20_000,
    );

  beforeAll(async () => {
    h = await startSyncHarness(backend, {}, { adjustments: true });
    realmId = await connectedShopWithInventory(h, shop, "Adjust Auto");
    // The import turned Keep in sync on for inventory; say it explicitly anyway.
    const res = await api(h, shop, "put", "/api/quickbooks/sync/settings", {
      category: "inventory",
      keepInSync: true,
    });
    expect(res.status).toBe(200);
  }, 90_000);
  afterAll(async () => h.close());
  beforeEach(() => admin(h.sandbox, "DELETE", "/faults"));

  it("a count of +5 on a linked part is one adjustment of +5 in QuickBooks, applied once here", async () => {
    const part = await partOf(h, shop, "12");
    const before = Number(part.quantityAvailable);
    const qboBefore = await qtyOnHand("12");
    expect(qboBefore).toBe(before);
    await count(part.id, before + 5);
    const items = await settled(part.id);
    expect(items[0]).toMatchObject({
      delta: "5",
      reason: "manual",
      quickBooks: { status: "sent", qtyDiff: "5", error: null },
    });
    expect(items[0]?.quickBooks?.quickBooksId).toMatch(/^\d+$/);
    expect(await adjustmentsFor("12")).toEqual([5]);
    expect(await qtyOnHand("12")).toBe(qboBefore + 5);
    // QuickBooks announces the item's new quantity; it is our own change, not applied twice.
    await waitFor("the item's webhook", async () =>
      (await h.t.deps.db.query.syncItemState.findMany()).some(
        (s) => s.itemRef === "12" && Number(s.qboQuantity) === qboBefore + 5,
      ),
    );
    await drained(h);
    expect(Number((await partOf(h, shop, "12")).quantityAvailable)).toBe(before + 5);
  });

  it("several counts go in order, each once, and both sides end equal", async () => {
    const part = await partOf(h, shop, "13");
    const start = Number(part.quantityAvailable);
    for (const q of [start + 2, start - 1, start + 4]) await count(part.id, q);
    await settled(part.id);
    expect(await adjustmentsFor("13")).toEqual([2, -3, 5]);
    expect(await qtyOnHand("13")).toBe(start + 4);
    await drained(h);
    expect(Number((await partOf(h, shop, "13")).quantityAvailable)).toBe(start + 4);
  });

  it("with 30% of QuickBooks' answers failing, every count still lands exactly once", async () => {
    const part = await partOf(h, shop, "14");
    const start = Number(part.quantityAvailable);
    await admin(h.sandbox, "POST", "/faults", { realmId, rate500: 0.3 });
    for (let i = 1; i <= 5; i++) await count(part.id, start + i);
    const items = await settled(part.id);
    await admin(h.sandbox, "DELETE", "/faults");
    expect(items.slice(0, 5).map((m) => m.quickBooks?.status)).toEqual(Array(5).fill("sent"));
    expect(await adjustmentsFor("14")).toEqual([1, 1, 1, 1, 1]);
    expect(await qtyOnHand("14")).toBe(start + 5);
    await drained(h);
    expect(Number((await partOf(h, shop, "14")).quantityAvailable)).toBe(start + 5);
  });

  it("refused by QuickBooks (inactive item): shown with the reason, retried once fixed, applied once", async () => {
    const part = await partOf(h, shop, "15");
    const start = Number(part.quantityAvailable);
    await changeItem(h, shop, "15", { Active: false });
    await drained(h);
    await count(part.id, start + 3);
    const [failed] = await settled(part.id);
    expect(failed?.quickBooks).toMatchObject({ status: "failed", errorCode: "quickbooks_610" });
    expect(failed?.quickBooks?.error).toMatch(/QuickBooks refused the adjustment/);
    expect(await adjustmentsFor("15")).toEqual([]);
    // Nothing moved in QuickBooks, so the webhooks of the item change nothing here either.
    await changeItem(h, shop, "15", { Active: true });
    await drained(h);
    expect(Number((await partOf(h, shop, "15")).quantityAvailable)).toBe(start + 3);
    const retried = await api(
      h,
      shop,
      "post",
      `/api/inventory/${part.id}/adjustments/${failed?.quickBooks?.id}/retry`,
    );
    expect(retried.status).toBe(200);
    const [sent] = await settled(part.id);
    expect(sent?.quickBooks).toMatchObject({ status: "sent", error: null });
    expect(await adjustmentsFor("15")).toEqual([3]);
    await drained(h);
    expect(Number((await partOf(h, shop, "15")).quantityAvailable)).toBe(start + 3);
    // A sent adjustment is not sent again.
    const again = await api(
      h,
      shop,
      "post",
      `/api/inventory/${part.id}/adjustments/${failed?.quickBooks?.id}/retry`,
    );
    expect(again.status).toBe(409);
  });

  it("a refused count settled by a drift push is closed, so it can never be sent twice", async () => {
    const part = await partOf(h, shop, "18");
    const start = Number(part.quantityAvailable);
    await changeItem(h, shop, "18", { Active: false });
    await drained(h);
    await count(part.id, start + 2);
    const [failed] = await settled(part.id);
    expect(failed?.quickBooks?.status).toBe("failed");
    await changeItem(h, shop, "18", { Active: true });
    await drained(h);
    const pushed = await api(h, shop, "post", "/api/quickbooks/sync/drift/fix", {
      action: "push_shopmonkey",
      partIds: [part.id],
      fields: ["quantity"],
    });
    expect(pushed.body.results).toEqual([{ partId: part.id, field: "quantity", outcome: "fixed" }]);
    const [closed] = await history(part.id);
    expect(closed?.quickBooks).toMatchObject({
      status: "dropped",
      errorCode: "superseded_by_push",
      reason: "adjustment_superseded_by_push",
    });
    const retry = await api(
      h,
      shop,
      "post",
      `/api/inventory/${part.id}/adjustments/${closed?.quickBooks?.id}/retry`,
    );
    expect(retry.status).toBe(409);
    expect(await adjustmentsFor("18")).toEqual([2]);
    expect(await qtyOnHand("18")).toBe(start + 2);
  });

  it("killed between QuickBooks' answer and our commit: the next run records it, once", async () => {
    const part = await partOf(h, shop, "16");
    const start = Number(part.quantityAvailable);
    const queue = h.t.deps.adjustmentQueue;
    h.t.deps.adjustmentQueue = undefined; // this test drives the send by hand
    try {
      await count(part.id, start + 5);
      const deps: AdjustmentDeps = {
        db: h.t.deps.db,
        client: h.t.deps.qbo.client,
        logger: h.t.deps.logger,
      };
      const crashing = {
        ...deps,
        afterQuickBooksWrite: () => Promise.reject(new Error("SIGKILL")),
      };
      expect(await sendPartAdjustments(crashing, shop, part.id)).toBe("retry");
      expect(await adjustmentsFor("16")).toEqual([5]);
      expect((await history(part.id))[0]?.quickBooks?.status).toBe("pending");
      expect(await sendPartAdjustments(deps, shop, part.id)).toBe("sent");
    } finally {
      h.t.deps.adjustmentQueue = queue;
    }
    expect((await history(part.id))[0]?.quickBooks?.status).toBe("sent");
    expect(await adjustmentsFor("16")).toEqual([5]);
    expect(await qtyOnHand("16")).toBe(start + 5);
    await drained(h);
    expect(Number((await partOf(h, shop, "16")).quantityAvailable)).toBe(start + 5);
  });

  it("with Keep in sync off, a count stays in Shopmonkey", async () => {
    await api(h, shop, "put", "/api/quickbooks/sync/settings", {
      category: "inventory",
      keepInSync: false,
    });
    try {
      const part = await partOf(h, shop, "17");
      await count(part.id, Number(part.quantityAvailable) + 1);
      expect((await history(part.id))[0]?.quickBooks).toBeNull();
      expect(await adjustmentsFor("17")).toEqual([]);
    } finally {
      await api(h, shop, "put", "/api/quickbooks/sync/settings", {
        category: "inventory",
        keepInSync: true,
      });
    }
  });

  it("a retry of another shop's adjustment is a 404", async () => {
    const part = await partOf(h, shop, "12");
    const [m] = await history(part.id);
    const res = await api(
      h,
      "shop-other",
      "post",
      `/api/inventory/${part.id}/adjustments/${m?.quickBooks?.id}/retry`,
    );
    expect(res.status).toBe(404);
  });
});
