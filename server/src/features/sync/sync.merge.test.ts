import { DriftReportSchema, SyncStatusSchema } from "@app/shared";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers, parts } from "../../db/schema/index.js";
import { admin } from "../../testing/sandbox.js";
import { testBackends } from "../../testing/test-database.js";
import {
  type SyncHarness,
  api,
  connectedShopWithInventory,
  drained,
  itemEvent,
  partOf,
  postWebhook,
  startSyncHarness,
  waitFor,
} from "../../testing/sync-harness.js";

/**
 * Merges made by a QuickBooks user (`POST /_sandbox/merge`), announced by the sandbox's real
 * webhooks (legacy form with deletedId, and CloudEvents), followed by the app.
 */
describe.each(testBackends())("QuickBooks merges on %s", (backend) => {
  let h: SyncHarness;
  const shop = "shop-merge";
  let realmId = "";

  const linkOf = async (partId: string) => {
    const [row] = await h.t.deps.db
      .select({ ref: parts.quickBooksItemRef, quantity: parts.quantityAvailable })
      .from(parts)
      .where(and(eq(parts.shopId, shop), eq(parts.id, partId)));
    return row;
  };
  const status = async () =>
    SyncStatusSchema.parse((await api(h, shop, "get", "/api/quickbooks/sync")).body);
  const qtyOnHand = async (id: string) =>
    (
      await h.t.deps.qbo.client.call<{ Item: { QtyOnHand: number } }>(shop, {
        method: "GET",
        path: `item/${id}`,
      })
    ).Item.QtyOnHand;
  const merge = (fromId: string, toId: string) =>
    admin(h.sandbox, "POST", "/merge", { realmId, entity: "Item", fromId, toId });

  beforeAll(async () => {
    h = await startSyncHarness(backend);
    realmId = await connectedShopWithInventory(h, shop, "Merge Auto");
  }, 90_000);
  afterAll(async () => h.close());

  it("re-points the part linked to the merged item to the survivor, with its quantity", async () => {
    const a = await partOf(h, shop, "20");
    const b = await partOf(h, shop, "21");
    // The survivor is linked to nothing here (its part was unlinked by the shop).
    expect((await api(h, shop, "post", `/api/inventory/${b.id}/unlink`)).status).toBe(200);
    await merge("20", "21");
    await waitFor("the merge webhook", async () => (await linkOf(a.id))?.ref === "21");
    await drained(h);
    const merged = await qtyOnHand("21");
    expect(Number((await linkOf(a.id))?.quantity)).toBe(merged);
    const drift = DriftReportSchema.parse(
      (await api(h, shop, "get", "/api/quickbooks/sync/drift")).body,
    );
    expect(drift.items.filter((r) => r.partId === a.id)).toEqual([]);
    // No dangling link and no "deleted" question about the merged item.
    expect((await status()).notices.filter((n) => n.partId === a.id)).toEqual([]);
  });

  it("a merge delivered again, an update of the merged item after it, or an unknown item change nothing", async () => {
    const a = await partOf(h, shop, "21");
    const before = await linkOf(a.id);
    const again = JSON.stringify({
      eventNotifications: [
        {
          realmId,
          dataChangeEvent: {
            entities: [
              { name: "Item", id: "21", operation: "Merge", deletedId: "20", lastUpdated: "x1" },
              { name: "Item", id: "9999", operation: "Merge", deletedId: "9998" },
            ],
          },
        },
      ],
    });
    expect((await postWebhook(h, again)).status).toBe(200);
    expect((await postWebhook(h, itemEvent(realmId, "20"))).status).toBe(200);
    await drained(h);
    expect(await linkOf(a.id)).toEqual(before);
    expect((await status()).notices).toEqual([]);
  });

  it("when another part already follows the survivor, a notice asks; relink moves the link", async () => {
    const a = await partOf(h, shop, "22");
    const b = await partOf(h, shop, "23");
    await merge("22", "23");
    const notice = await waitFor("the merge notice", async () =>
      (await status()).notices.find((n) => n.partId === a.id),
    );
    expect(notice).toMatchObject({ kind: "merged", quickBooksItemRef: "22", mergedIntoRef: "23" });
    await drained(h);
    // Nothing guessed: both links as they were until the shop decides.
    expect((await linkOf(a.id))?.ref).toBe("22");
    expect((await linkOf(b.id))?.ref).toBe("23");
    const res = await api(h, shop, "post", `/api/quickbooks/sync/notices/${notice.id}`, {
      decision: "relink",
    });
    expect(res.status).toBe(200);
    expect((await linkOf(a.id))?.ref).toBe("23");
    expect((await linkOf(b.id))?.ref).toBeNull();
    expect((await status()).notices).toEqual([]);
  });

  it("follows the CloudEvents form of a merge too", async () => {
    await admin(h.sandbox, "PUT", "/webhook", { url: h.webhookUrl, format: "cloudevents" });
    try {
      const a = await partOf(h, shop, "24");
      const b = await partOf(h, shop, "25");
      await api(h, shop, "post", `/api/inventory/${b.id}/unlink`);
      await merge("24", "25");
      await waitFor("the CloudEvents merge", async () => (await linkOf(a.id))?.ref === "25");
    } finally {
      await admin(h.sandbox, "PUT", "/webhook", { url: h.webhookUrl, format: "legacy" });
    }
  });

  it("re-points a customer linked to a merged QuickBooks customer", async () => {
    const ids = [...h.sandbox.state.companies.get(realmId)!.tables.Customer.keys()].slice(0, 2);
    const [fromId, toId] = [ids[0]!, ids[1]!];
    const [ours] = await h.t.deps.db
      .insert(customers)
      .values({
        shopId: shop,
        firstName: "Merged",
        lastName: "Customer",
        quickBooksCustomerRef: fromId,
        quickBooksRealmId: realmId,
      })
      .returning();
    await admin(h.sandbox, "POST", "/merge", { realmId, entity: "Customer", fromId, toId });
    await waitFor("the customer merge", async () => {
      const [row] = await h.t.deps.db
        .select({ ref: customers.quickBooksCustomerRef })
        .from(customers)
        .where(eq(customers.id, ours!.id));
      return row?.ref === toId;
    });
  });

  it("a relink decision on a notice that is not a merge is refused", async () => {
    const a = await partOf(h, shop, "26");
    await h.t.deps.qbo.client.call(shop, {
      method: "POST",
      path: "item",
      body: {
        Id: "26",
        SyncToken: (
          await h.t.deps.qbo.client.call<{ Item: { SyncToken: string } }>(shop, {
            method: "GET",
            path: "item/26",
          })
        ).Item.SyncToken,
        sparse: true,
        Active: false,
      },
    });
    const notice = await waitFor("the inactive notice", async () =>
      (await status()).notices.find((n) => n.partId === a.id),
    );
    const res = await api(h, shop, "post", `/api/quickbooks/sync/notices/${notice.id}`, {
      decision: "relink",
    });
    expect(res.status).toBe(409);
  });
});
