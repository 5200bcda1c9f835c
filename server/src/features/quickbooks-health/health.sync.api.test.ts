import { HealthSchema } from "@app/shared";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncDriftChecks } from "../../db/schema/index.js";
import { admin } from "../../testing/sandbox.js";
import { testBackends } from "../../testing/test-database.js";
import {
  type SyncHarness,
  api,
  changeItem,
  changeItemQuietly,
  connectedShopWithInventory,
  drained,
  partOf,
  startSyncHarness,
  waitFor,
} from "../../testing/sync-harness.js";

interface QboAdjustment {
  Line: { ItemAdjustmentLineDetail: { ItemRef: { value: string }; QtyDiff: number } }[];
}

/**
 * The Health page's problems that come from the sync: stock adjustments QuickBooks refused,
 * merges that need the owner's choice, and the drift checks drawn as a chart. Real workers,
 * the sandbox over HTTP and its webhooks coming back.
 */
describe.each(testBackends())("sync problems and drift checks on Health, on %s", (backend) => {
  let h: SyncHarness;

  const health = async (shop: string) => {
    const res = await api(h, shop, "get", "/api/quickbooks/health");
    expect(res.status).toBe(200);
    return HealthSchema.parse(res.body);
  };
  const problemsOf = async (shop: string, kind: string) =>
    (await health(shop)).problems.filter((p) => p.kind === kind);
  const adjustmentsFor = async (shop: string, itemRef: string) => {
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

  beforeAll(async () => {
    h = await startSyncHarness(backend, {}, { adjustments: true });
  }, 30_000);
  afterAll(async () => h.close());

  it("shows a refused stock adjustment; Retry sends it once after the cause is fixed", async () => {
    const shop = "health-adjust";
    await connectedShopWithInventory(h, shop, "Health Adjust Auto");
    expect(
      (
        await api(h, shop, "put", "/api/quickbooks/sync/settings", {
          category: "inventory",
          keepInSync: true,
        })
      ).status,
    ).toBe(200);
    const part = await partOf(h, shop, "15");
    const start = Number(part.quantityAvailable);
    // Someone makes the item inactive in QuickBooks: adjustments of it are refused.
    await changeItem(h, shop, "15", { Active: false });
    await drained(h);
    await request(h.t.app)
      .patch(`/api/inventory/${part.id}`)
      .set("authorization", `Bearer ${await h.t.token(shop, "owner")}`)
      .send({ quantityAvailable: String(start + 3) })
      .expect(200);

    const refused = await waitFor("the refused adjustment on Health", async () =>
      (await problemsOf(shop, "stock_adjustment")).at(0),
    );
    expect(refused).toMatchObject({
      code: "adjustment_refused",
      params: { part: part.description, qtyDiff: "3" },
      reason: { code: "quickbooks_610" },
      recordUrl: `/inventory/${part.id}`,
      retryable: true,
    });
    expect(refused.message).toContain(`QuickBooks refused the stock change of +3 to`);
    expect(await adjustmentsFor(shop, "15")).toEqual([]);
    const retry = (id: string, role: "owner" | "technician" = "owner") =>
      api(h, shop, "post", `/api/quickbooks/health/problems/${id}/retry`, undefined, role);
    expect((await retry(refused.id, "technician")).status).toBe(403);

    // The fix: the item is active again. Then Retry, from Health.
    await changeItem(h, shop, "15", { Active: true });
    await drained(h);
    expect((await retry(refused.id)).status).toBe(202);
    await waitFor("the adjustment to reach QuickBooks", async () =>
      (await adjustmentsFor(shop, "15")).length > 0 ? true : undefined,
    );
    await waitFor("the problem to go", async () =>
      (await problemsOf(shop, "stock_adjustment")).length === 0 ? true : undefined,
    );
    expect(await adjustmentsFor(shop, "15")).toEqual([3]);
    // Retrying the problem again is a 404, never a second adjustment.
    expect((await retry(refused.id)).status).toBe(404);
    await drained(h);
    expect(await adjustmentsFor(shop, "15")).toEqual([3]);
    expect(Number((await partOf(h, shop, "15")).quantityAvailable)).toBe(start + 3);
  });

  it("shows a QuickBooks merge that needs the owner's choice, until it is made", async () => {
    const shop = "health-merge";
    const realmId = await connectedShopWithInventory(h, shop, "Health Merge Auto");
    const a = await partOf(h, shop, "22");
    const b = await partOf(h, shop, "23");
    // Both items are linked: merging 22 into 23 leaves a choice only the shop can make.
    await admin(h.sandbox, "POST", "/merge", { realmId, entity: "Item", fromId: "22", toId: "23" });
    const merge = await waitFor("the merge on Health", async () =>
      (await problemsOf(shop, "merge")).at(0),
    );
    expect(merge).toMatchObject({
      code: "merge_needs_choice",
      params: { part: a.description, itemRef: "22", into: "23", otherPart: b.description },
      reason: null,
      recordUrl: `/inventory/${a.id}`,
      fixUrl: "/settings/quickbooks/import",
      retryable: false,
    });
    expect(merge.message).toContain("choose which part keeps the link");
    // Not shown twice: it is no "deleted or inactive" notice.
    expect(await problemsOf(shop, "sync_notice")).toEqual([]);
    expect(
      (await api(h, shop, "post", `/api/quickbooks/health/problems/${merge.id}/retry`)).status,
    ).toBe(409);

    // The choice, where the sync's notices are: this part follows the survivor.
    const noticeId = merge.id.replace(/^notice:/, "");
    expect(
      (
        await api(h, shop, "post", `/api/quickbooks/sync/notices/${noticeId}`, {
          decision: "relink",
        })
      ).status,
    ).toBe(200);
    expect(await problemsOf(shop, "merge")).toEqual([]);
  });

  it("lists every drift check with what it found, for this shop only", async () => {
    const shop = "health-drift";
    await connectedShopWithInventory(h, shop, "Health Drift Auto");
    expect((await health(shop)).drift).toEqual([]);
    // A check from long ago is forgotten when the next one is stored.
    await h.t.deps.db.insert(syncDriftChecks).values({
      shopId: shop,
      realmId: "old",
      checked: 1,
      found: 99,
      checkedAt: new Date(Date.now() - 100 * 24 * 3600 * 1000),
    });
    expect((await api(h, shop, "get", "/api/quickbooks/sync/drift")).status).toBe(200);
    await changeItemQuietly(h, shop, "11", { UnitPrice: 55.5 });
    const qty12 = Number((await partOf(h, shop, "12")).quantityAvailable) + 6;
    await changeItemQuietly(h, shop, "12", { QtyOnHand: qty12 });
    // A filtered report is still a whole check: it counts every difference it found.
    const filtered = await api(h, shop, "get", "/api/quickbooks/sync/drift?field=quantity");
    expect(filtered.body.items).toHaveLength(1);

    const { drift } = await health(shop);
    expect(drift.map(({ found, checked }) => ({ found, checked }))).toEqual([
      { found: 0, checked: 41 },
      { found: 2, checked: 41 },
    ]);
    expect(drift[0]!.at <= drift[1]!.at).toBe(true);
    expect((await health("health-drift-other")).drift).toEqual([]);
  });
});
