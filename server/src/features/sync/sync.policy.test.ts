import { SyncStatusSchema } from "@app/shared";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parts, stockMovements, syncCursors } from "../../db/schema/index.js";
import { testBackends } from "../../testing/test-database.js";
import { withOwnQuantityWrites } from "./own-writes.js";
import {
  type SyncHarness,
  api,
  changeItem,
  changeItemQuietly,
  connectedShopWithInventory,
  drained,
  itemEvent,
  partOf,
  postWebhook,
  quickbooksMovements,
  startSyncHarness,
  waitFor,
} from "../../testing/sync-harness.js";

describe.each(testBackends())("the linked-part policy on %s", (backend) => {
  let h: SyncHarness;
  let realm: string;
  const shop = "shop-policy";

  beforeAll(async () => {
    h = await startSyncHarness(backend);
    realm = await connectedShopWithInventory(h, shop, "Policy Garage");
  }, 60_000);
  afterAll(async () => h.close());

  it("applies out-of-order events by re-reading QuickBooks: one movement, latest values", async () => {
    const before = await partOf(h, shop, "4");
    const start = Number(before.quantityAvailable);
    await changeItemQuietly(h, shop, "4", { QtyOnHand: start + 2, UnitPrice: 10 });
    await changeItemQuietly(h, shop, "4", { QtyOnHand: start + 5, UnitPrice: 11 });
    // The second change's event arrives first, then the first one's.
    await postWebhook(h, itemEvent(realm, "4", "2026-02-01T00:00:02.000Z"));
    await postWebhook(h, itemEvent(realm, "4", "2026-02-01T00:00:01.000Z"));
    await drained(h);
    const after = await partOf(h, shop, "4");
    expect(Number(after.quantityAvailable)).toBe(start + 5);
    expect(after.retailCost).toBe("11");
    expect((await quickbooksMovements(h, before.id)).map((m) => m.delta)).toEqual(["5"]);
  });

  it("accepts Intuit's CloudEvents format", async () => {
    await changeItemQuietly(h, shop, "5", { UnitPrice: 77.7 });
    const body = JSON.stringify([
      {
        specversion: "1.0",
        id: "c5a8e3a4-0000-4000-8000-000000000005",
        source: "intuit.test",
        type: "qbo.item.updated.v1",
        datacontenttype: "application/json",
        time: new Date().toISOString(),
        intuitentityid: "5",
        intuitaccountid: realm,
        data: {},
      },
    ]);
    expect((await postWebhook(h, body)).status).toBe(200);
    await drained(h);
    expect((await partOf(h, shop, "5")).retailCost).toBe("77.7");
  });

  it("does not lower the quantity a second time when our own invoice's item update comes back", async () => {
    const part = await partOf(h, shop, "3");
    const start = part.quantityAvailable ?? "0";
    // What the invoicing feature does: lower our stock once, then send the invoice through
    // the own-write wrapper so the returning item update is recognized.
    await h.t.deps.db.transaction(async (tx) => {
      await tx
        .update(parts)
        .set({ quantityAvailable: sql`${parts.quantityAvailable} - 2` })
        .where(eq(parts.id, part.id));
      await tx.insert(stockMovements).values({
        shopId: shop,
        partId: part.id,
        delta: "-2",
        quantityAfter: String(Number(start) - 2),
        reason: "invoice",
        reference: "order:test-1",
      });
    });
    const item = await h.t.deps.qbo.client.call<{ Item: { UnitPrice: number; SyncToken: string } }>(
      shop,
      { method: "GET", path: "item/3" },
    );
    const price = item.Item.UnitPrice;
    await withOwnQuantityWrites(
      h.t.deps.db,
      shop,
      "invoice:order:test-1",
      [{ itemRef: "3", quantityDelta: "-2" }],
      () =>
        h.t.deps.qbo.client.call(shop, {
          method: "POST",
          path: "invoice",
          body: {
            CustomerRef: { value: "1" },
            Line: [
              {
                Amount: Math.round(price * 2 * 100) / 100,
                DetailType: "SalesItemLineDetail",
                SalesItemLineDetail: { ItemRef: { value: "3" }, Qty: 2, UnitPrice: price },
              },
            ],
          },
        }),
    );
    // The sandbox announces the item update; wait until the sync has seen that version.
    await waitFor("the invoice's item update to be processed", async () => {
      const state = await h.t.deps.db.query.syncItemState.findFirst({
        where: (s) => and(eq(s.shopId, shop), eq(s.itemRef, "3")),
      });
      return state && state.syncToken !== null && state.syncToken > Number(item.Item.SyncToken);
    });
    await drained(h);
    expect(Number((await partOf(h, shop, "3")).quantityAvailable)).toBe(Number(start) - 2);
    expect(await quickbooksMovements(h, part.id)).toEqual([]);

    // A receipt in QuickBooks afterwards still flows, measured from the right baseline.
    const qbo = await changeItem(h, shop, "3", { QtyOnHand: Number(start) - 2 + 10 });
    expect(qbo.QtyOnHand).toBe(Number(start) + 8);
    await waitFor("the receipt to arrive", async () => {
      const p = await partOf(h, shop, "3");
      return Number(p.quantityAvailable) === Number(start) + 8;
    });
    expect((await quickbooksMovements(h, part.id)).map((m) => m.delta)).toEqual(["10"]);
  });

  it("recovers a lost webhook with the CDC catch-up and keeps its watermark in the database", async () => {
    const part = await partOf(h, shop, "7");
    const start = Number(part.quantityAvailable);
    await changeItemQuietly(h, shop, "7", { UnitPrice: 123.45, QtyOnHand: start - 4 });
    expect((await partOf(h, shop, "7")).retailCost).not.toBe("123.45");
    await h.sync.catchUp(shop);
    const after = await waitFor("the catch-up to apply the change", async () => {
      const p = await partOf(h, shop, "7");
      return p.retailCost === "123.45" && p;
    });
    expect(Number(after.quantityAvailable)).toBe(start - 4);
    expect((await quickbooksMovements(h, part.id)).map((m) => m.delta)).toEqual(["-4"]);
    const [cursor] = await h.t.deps.db
      .select()
      .from(syncCursors)
      .where(eq(syncCursors.shopId, shop));
    expect(cursor?.lastCatchUpAt).toBeInstanceOf(Date);
    // A second cycle finds nothing new and applies nothing twice.
    await h.sync.catchUp(shop);
    await waitFor("a second catch-up", async () => {
      const [c] = await h.t.deps.db.select().from(syncCursors).where(eq(syncCursors.shopId, shop));
      return c?.lastCatchUpAt && cursor?.lastCatchUpAt && c.lastCatchUpAt > cursor.lastCatchUpAt;
    });
    expect((await quickbooksMovements(h, part.id)).map((m) => m.delta)).toEqual(["-4"]);
    const status = SyncStatusSchema.parse((await api(h, shop, "get", "/api/quickbooks/sync")).body);
    expect(status.lastCatchUpAt).not.toBeNull();
  });

  it("shows Keep in sync on after the import, and follows nothing while it is off", async () => {
    const status = SyncStatusSchema.parse((await api(h, shop, "get", "/api/quickbooks/sync")).body);
    expect(status.categories).toEqual([
      { category: "inventory", keepInSync: true, imported: true },
      { category: "non_inventory", keepInSync: false, imported: false },
    ]);
    expect(status.lastChange?.changes.length).toBeGreaterThan(0);
    const denied = await api(
      h,
      shop,
      "put",
      "/api/quickbooks/sync/settings",
      { category: "inventory", keepInSync: false },
      "technician",
    );
    expect(denied.status).toBe(403);
    expect(
      (
        await api(h, shop, "put", "/api/quickbooks/sync/settings", {
          category: "inventory",
          keepInSync: false,
        })
      ).status,
    ).toBe(200);
    const before = await partOf(h, shop, "8");
    await changeItem(h, shop, "8", { UnitPrice: 999 });
    await waitFor("the event to be processed", async () => {
      const s = await h.t.deps.db.query.syncItemState.findFirst({
        where: (x) => and(eq(x.shopId, shop), eq(x.itemRef, "8")),
      });
      return s !== undefined;
    });
    await drained(h);
    expect((await partOf(h, shop, "8")).retailCost).toBe(before.retailCost);
    expect(
      (
        await api(h, shop, "put", "/api/quickbooks/sync/settings", {
          category: "inventory",
          keepInSync: true,
        })
      ).status,
    ).toBe(200);
  });

  it("raises one notice when a linked item is made inactive, and unlinks on request", async () => {
    const part = await partOf(h, shop, "9");
    await changeItem(h, shop, "9", { Active: false });
    const notice = await waitFor("a notice", async () => {
      const s = SyncStatusSchema.parse((await api(h, shop, "get", "/api/quickbooks/sync")).body);
      return s.notices.find((n) => n.partId === part.id);
    });
    expect(notice).toMatchObject({ kind: "inactive", quickBooksItemRef: "9" });
    await postWebhook(h, itemEvent(realm, "9"));
    await drained(h);
    const again = SyncStatusSchema.parse((await api(h, shop, "get", "/api/quickbooks/sync")).body);
    expect(again.notices.filter((n) => n.partId === part.id)).toHaveLength(1);
    expect(
      (
        await api(
          h,
          shop,
          "post",
          `/api/quickbooks/sync/notices/${notice.id}`,
          { decision: "unlink" },
          "technician",
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await api(h, shop, "post", `/api/quickbooks/sync/notices/${notice.id}`, {
          decision: "unlink",
        })
      ).status,
    ).toBe(200);
    const [unlinked] = await h.t.deps.db.select().from(parts).where(eq(parts.id, part.id));
    expect(unlinked?.quickBooksItemRef).toBeNull();
    expect(
      (
        await api(h, shop, "post", `/api/quickbooks/sync/notices/${notice.id}`, {
          decision: "keep",
        })
      ).status,
    ).toBe(404);
  });
});
