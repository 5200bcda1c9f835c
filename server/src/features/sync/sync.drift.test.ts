import { DriftFixResponseSchema, DriftReportSchema, SyncStatusSchema } from "@app/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parts } from "../../db/schema/index.js";
import { admin } from "../../testing/sandbox.js";
import { testBackends } from "../../testing/test-database.js";
import { ADJUSTMENT_UNSUPPORTED } from "./drift-fix.service.js";
import {
  type SyncHarness,
  api,
  changeItemQuietly,
  connectedShopWithInventory,
  drained,
  itemEvent,
  partOf,
  postWebhook,
  startSyncHarness,
} from "../../testing/sync-harness.js";

describe.each(testBackends())("the drift report on %s", (backend) => {
  let h: SyncHarness;
  let realmA: string;
  const shopA = "shop-drift-a";
  const shopB = "shop-drift-b";
  const drift = async (shop: string, query = "") =>
    DriftReportSchema.parse((await api(h, shop, "get", `/api/quickbooks/sync/drift${query}`)).body);
  const fix = async (shop: string, body: object) => {
    const res = await api(h, shop, "post", "/api/quickbooks/sync/drift/fix", body);
    expect(res.status).toBe(200);
    return DriftFixResponseSchema.parse(res.body).results;
  };

  beforeAll(async () => {
    h = await startSyncHarness(backend);
    realmA = await connectedShopWithInventory(h, shopA, "Drift Auto A");
    await connectedShopWithInventory(h, shopB, "Drift Auto B");
  }, 90_000);
  afterAll(async () => h.close());

  it("starts empty after an import: both sides agree", async () => {
    const report = await drift(shopA);
    expect(report.items).toEqual([]);
    expect(report.linkedParts).toBe(41);
    expect((await drift(shopA, "?show=all")).items).toHaveLength(41);
  });

  it("lists exactly the parts changed behind its back, with the differences", async () => {
    // QuickBooks changes nobody announced, and one edit made straight in our database.
    await changeItemQuietly(h, shopA, "11", { UnitPrice: 55.5 });
    const qty12 = Number((await partOf(h, shopA, "12")).quantityAvailable) + 6;
    await changeItemQuietly(h, shopA, "12", { QtyOnHand: qty12 });
    const part13 = await partOf(h, shopA, "13");
    await h.t.deps.db.update(parts).set({ cost: "1.23" }).where(eq(parts.id, part13.id));

    const report = await drift(shopA);
    expect(report.items.map((r) => [r.quickBooksItemRef, r.differences])).toEqual(
      expect.arrayContaining([
        ["11", ["retailCost"]],
        ["12", ["quantity"]],
        ["13", ["cost"]],
      ]),
    );
    expect(report.items).toHaveLength(3);
    const row12 = report.items.find((r) => r.quickBooksItemRef === "12");
    expect(Number(row12?.quickBooks?.quantity)).toBe(qty12);
    expect((await drift(shopA, "?field=quantity")).items.map((r) => r.quickBooksItemRef)).toEqual([
      "12",
    ]);
    const bySearch = await drift(
      shopA,
      `?search=${encodeURIComponent(part13.partNumber || part13.description)}`,
    );
    expect(bySearch.items.map((r) => r.quickBooksItemRef)).toEqual(["13"]);
  });

  it("offers only the fixes that can work: every value both ways while the item exists", async () => {
    const rows = new Map((await drift(shopA)).items.map((r) => [r.quickBooksItemRef, r]));
    expect(rows.get("12")).toMatchObject({
      fixes: { take_quickbooks: ["quantity"], push_shopmonkey: ["quantity"] },
      blocked: [],
    });
    expect(rows.get("11")).toMatchObject({
      fixes: { take_quickbooks: ["retailCost"], push_shopmonkey: ["retailCost"] },
      blocked: [],
    });
    expect(rows.get("13")?.fixes.push_shopmonkey).toEqual(["cost"]);
  });

  it("pushes Shopmonkey's quantity as one adjustment, and both sides converge", async () => {
    const part15 = await partOf(h, shopA, "15");
    const ours = Number(part15.quantityAvailable);
    await changeItemQuietly(h, shopA, "15", { QtyOnHand: ours - 4 });
    const results = await fix(shopA, {
      action: "push_shopmonkey",
      partIds: [part15.id],
      fields: ["quantity"],
    });
    expect(results).toEqual([{ partId: part15.id, field: "quantity", outcome: "fixed" }]);
    const item = await h.t.deps.qbo.client.call<{ Item: { QtyOnHand: number } }>(shopA, {
      method: "GET",
      path: "item/15",
    });
    expect(item.Item.QtyOnHand).toBe(ours);
    expect((await drift(shopA, "?field=quantity")).items.map((r) => r.quickBooksItemRef)).toEqual([
      "12",
    ]);
    // The item's webhook brings our own adjustment back: nothing is applied twice here.
    await postWebhook(h, itemEvent(realmA, "15"));
    await drained(h);
    expect(Number((await partOf(h, shopA, "15")).quantityAvailable)).toBe(ours);
    // Pushing again finds nothing left to send.
    const again = await fix(shopA, {
      action: "push_shopmonkey",
      partIds: [part15.id],
      fields: ["quantity"],
    });
    expect(again).toEqual([{ partId: part15.id, field: "quantity", outcome: "unchanged" }]);
  });

  it("says clearly when the company can't take inventory adjustments, and changes nothing", async () => {
    const part16 = await partOf(h, shopA, "16");
    const ours = Number(part16.quantityAvailable);
    await changeItemQuietly(h, shopA, "16", { QtyOnHand: ours + 2 });
    // Outside the US QuickBooks has no InventoryAdjustment API (Intuit: Plus/Advanced, US).
    await admin(h.sandbox, "PATCH", `/companies/${realmA}`, { country: "CA" });
    try {
      const [result] = await fix(shopA, {
        action: "push_shopmonkey",
        partIds: [part16.id],
        fields: ["quantity"],
      });
      expect(result).toMatchObject({
        partId: part16.id,
        field: "quantity",
        outcome: "unsupported",
      });
      expect(result?.message).toContain(ADJUSTMENT_UNSUPPORTED);
    } finally {
      await admin(h.sandbox, "PATCH", `/companies/${realmA}`, { country: "US" });
    }
    const item = await h.t.deps.qbo.client.call<{ Item: { QtyOnHand: number } }>(shopA, {
      method: "GET",
      path: "item/16",
    });
    expect(item.Item.QtyOnHand).toBe(ours + 2);
    // Take QuickBooks' value instead: the report is clean for this part.
    await fix(shopA, { action: "take_quickbooks", partIds: [part16.id], fields: ["quantity"] });
    expect(Number((await partOf(h, shopA, "16")).quantityAvailable)).toBe(ours + 2);
  });

  it("converges both sides with bulk fixes, and the report is empty afterwards", async () => {
    const [p11, p12, p13] = await Promise.all(["11", "12", "13"].map((id) => partOf(h, shopA, id)));
    const taken = await fix(shopA, { action: "take_quickbooks", partIds: [p11!.id, p12!.id] });
    expect(
      taken
        .filter((r) => r.outcome === "fixed")
        .map((r) => r.field)
        .sort(),
    ).toEqual(["quantity", "retailCost"]);
    const pushed = await fix(shopA, { action: "push_shopmonkey", partIds: [p13!.id] });
    expect(pushed.filter((r) => r.outcome === "fixed").map((r) => r.field)).toEqual(["cost"]);
    expect((await drift(shopA)).items).toEqual([]);
    expect((await partOf(h, shopA, "11")).retailCost).toBe("55.5");
    const item13 = await h.t.deps.qbo.client.call<{ Item: { PurchaseCost: number } }>(shopA, {
      method: "GET",
      path: "item/13",
    });
    expect(item13.Item.PurchaseCost).toBe(1.23);
    // Our pushed cost comes back as a webhook: it changes nothing here and the report stays empty.
    await drained(h);
    expect((await partOf(h, shopA, "13")).cost).toBe("1.23");
    // Taking QuickBooks' quantity resets the baseline: a later event for it applies nothing twice.
    await postWebhook(h, itemEvent(realmA, "12"));
    await drained(h);
    expect((await drift(shopA)).items).toEqual([]);
    const status = SyncStatusSchema.parse(
      (await api(h, shopA, "get", "/api/quickbooks/sync")).body,
    );
    expect(status.recentChanges.some((c) => c.source === "drift_fix")).toBe(true);
  });

  it("keeps each shop to its own parts, changes and notices", async () => {
    const mine = await partOf(h, shopA, "14");
    const report = await drift(shopB, "?show=all");
    expect(report.items.some((r) => r.partId === mine.id)).toBe(false);
    const results = await fix(shopB, { action: "take_quickbooks", partIds: [mine.id] });
    expect(results).toEqual([expect.objectContaining({ partId: mine.id, outcome: "failed" })]);
    // A webhook for A's company queues nothing for B.
    await changeItemQuietly(h, shopA, "14", { Active: false });
    await postWebhook(h, itemEvent(realmA, "14"));
    await drained(h);
    const a = SyncStatusSchema.parse((await api(h, shopA, "get", "/api/quickbooks/sync")).body);
    const b = SyncStatusSchema.parse((await api(h, shopB, "get", "/api/quickbooks/sync")).body);
    const notice = a.notices.find((n) => n.partId === mine.id);
    expect(notice).toBeDefined();
    expect(b.notices).toEqual([]);
    expect(b.recentChanges).toEqual([]);
    const cross = await api(h, shopB, "post", `/api/quickbooks/sync/notices/${notice?.id}`, {
      decision: "unlink",
    });
    expect(cross.status).toBe(404);
    expect((await partOf(h, shopA, "14")).quickBooksItemRef).toBe("14");
  });

  it("answers 409 for a shop that has not connected QuickBooks", async () => {
    const res = await api(h, "shop-none", "get", "/api/quickbooks/sync/drift");
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("quickbooks_not_connected");
  });
});
