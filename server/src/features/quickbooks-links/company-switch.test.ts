import type { Connection, ImportJob, Order, StockMovementList } from "@app/shared";
import { eq, sql } from "drizzle-orm";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../db/client.js";
import { parts, stockMovements } from "../../db/schema/index.js";
import { confirmSwitch, connectShop } from "../../testing/connect.js";
import { admin } from "../../testing/sandbox.js";
import { testBackends } from "../../testing/test-database.js";
import { runImportToEnd, waitForJob } from "../imports/imports.testing.js";
import {
  type SyncHarness,
  api,
  drained,
  itemEvent,
  partOf,
  postWebhook,
  startSyncHarness,
} from "../../testing/sync-harness.js";

/**
 * The probe's reproduction (issue 15), as a shop would live it: a shop connected to company A
 * connects company B. QuickBooks ids are small per-company integers, so A's item 5 and B's
 * item 5 both exist; nothing of A may ever be read or written through B's ids.
 */
describe.each(testBackends())("a shop whose QuickBooks company changes, on %s", (backend) => {
  let h: SyncHarness;
  let A: string;
  let B: string;

  const company = async (body: object) =>
    (await admin<{ realmId: string }>(h.sandbox, "POST", "/companies", body)).realmId;
  const connection = async (shop: string) =>
    (await api(h, shop, "get", "/api/quickbooks/connection")).body as Connection;
  const partById = async (id: string) =>
    (await h.t.deps.db.select().from(parts).where(eq(parts.id, id)))[0]!;
  const movesOf = async (id: string) =>
    h.t.deps.db.select().from(stockMovements).where(eq(stockMovements.partId, id));
  const qbo = <T>(shop: string, path: string) =>
    h.t.deps.qbo.client.call<T>(shop, { method: "GET", path });
  const disconnect = async (shop: string) =>
    request(h.t.app)
      .delete("/api/quickbooks/connection")
      .set("authorization", `Bearer ${await h.t.token(shop)}`)
      .expect(204);
  /** Connect another company the whole way: consent, the confirmation, confirmed. */
  const switchTo = async (shop: string, realmId: string) => {
    const back = await connectShop(h.t, shop, realmId);
    expect(back.status).toBe(200);
    expect(back.text).toContain("different QuickBooks company");
    const confirmed = await confirmSwitch(h.t, shop);
    expect(confirmed.status).toBe(200);
    return confirmed.body as Connection;
  };
  const mapCategories = async (shop: string) => {
    const items = await api(h, shop, "get", "/api/quickbooks/items?types=Service,NonInventory");
    const id = (items.body.items as { id: string }[])[0]!.id;
    const categoryItems = Object.fromEntries(
      ["parts", "labor", "tires", "fees", "subcontracts", "shop_supplies"].map((c) => [c, id]),
    );
    const saved = await api(h, shop, "put", "/api/quickbooks/accounting", {
      categoryItems,
      autoSendInvoices: false,
    });
    expect(saved.status).toBe(200);
  };

  beforeAll(async () => {
    h = await startSyncHarness(backend, { IMPORT_PAGE_SIZE: "10" }, { invoices: true });
    A = await company({ seed: 20, items: { inventory: 300, service: 2 }, customers: 10 });
    B = await company({ seed: 21, items: { inventory: 200, service: 2 } });
  }, 60_000);
  afterAll(async () => h.close());

  it("asks before switching, then leaves company A's parts and customers untouched and unlinked", async () => {
    const shop = "shop-switch";
    expect((await connectShop(h.t, shop, A)).status).toBe(200);
    expect((await runImportToEnd(h.t, shop, "inventory")).imported).toBe(300);
    expect((await runImportToEnd(h.t, shop, "customers")).imported).toBe(10);
    const fuelPump = await partOf(h, shop, "5");
    const movesBefore = await movesOf(fuelPump.id);
    await disconnect(shop);

    // B's consent comes back: nothing is saved yet, the shop is asked.
    const back = await connectShop(h.t, shop, B);
    expect(back.text).toContain("different QuickBooks company");
    const waiting = await connection(shop);
    expect(waiting).toMatchObject({
      status: "not_connected",
      linkedCompany: { realmId: A, parts: 300, customers: 10 },
      pendingSwitch: { realmId: B },
    });
    const refused = await api(h, shop, "post", "/api/quickbooks/imports", {
      category: "inventory",
    });
    expect(refused.status).toBe(409);
    // A webhook from B while the switch waits reaches no part.
    expect((await postWebhook(h, itemEvent(B, "5"))).status).toBe(200);
    await drained(h);
    expect(await partById(fuelPump.id)).toMatchObject({ description: fuelPump.description });

    const switched = (await confirmSwitch(h.t, shop)).body as Connection;
    expect(switched).toMatchObject({
      status: "connected",
      realmId: B,
      linkedCompany: { realmId: B, parts: 0, customers: 0 },
    });
    expect(switched.pendingSwitch).toBeUndefined();
    const after = await partById(fuelPump.id);
    expect(after).toMatchObject({
      description: fuelPump.description,
      quantityAvailable: fuelPump.quantityAvailable,
      quickBooksItemRef: null,
      quickBooksRealmId: null,
    });
    expect(await movesOf(fuelPump.id)).toHaveLength(movesBefore.length);
    const history = rowsOf<{ entity: string; n: number }>(
      await h.t.deps.db.execute(
        sql`select entity, count(*)::int as n from quickbooks_link_history
            where shop_id = ${shop} and realm_id = ${A} group by entity order by entity`,
      ),
    );
    expect(history).toEqual([
      { entity: "customer", n: 10 },
      { entity: "part", n: 300 },
    ]);

    // B's import starts from nothing linked: A's parts are never matched through B's ids.
    const preview = await runImportToEnd(h.t, shop, "inventory", true);
    expect({ imported: preview.imported, updated: preview.updated }).toEqual({
      imported: 200,
      updated: 0,
    });
    const run = await runImportToEnd(h.t, shop, "inventory");
    expect({ imported: run.imported, updated: run.updated }).toEqual({ imported: 200, updated: 0 });
    expect(await partById(fuelPump.id)).toMatchObject({
      description: fuelPump.description,
      quantityAvailable: fuelPump.quantityAvailable,
      quickBooksItemRef: null,
    });
    expect(await movesOf(fuelPump.id)).toHaveLength(movesBefore.length);

    // A webhook from A (the company the shop left) about item 5 changes nothing at all.
    const bPart5 = await partOf(h, shop, "5");
    expect((await postWebhook(h, itemEvent(A, "5"))).status).toBe(200);
    await drained(h);
    expect(await partById(bPart5.id)).toEqual(bPart5);
    expect(await movesOf(fuelPump.id)).toHaveLength(movesBefore.length);

    // Switching back restores A's links as they were, and B's become history.
    await disconnect(shop);
    const back2 = await switchTo(shop, A);
    expect(back2.linkedCompany).toMatchObject({ realmId: A, parts: 300, customers: 10 });
    expect((await partById(fuelPump.id)).quickBooksItemRef).toBe("5");
    expect((await partById(bPart5.id)).quickBooksItemRef).toBeNull();
  }, 120_000);

  it("never sends an order of company A's customer and part into company B's books", async () => {
    const shop = "shop-invoice";
    await connectShop(h.t, shop, A);
    await mapCategories(shop);
    await runImportToEnd(h.t, shop, "inventory");
    await runImportToEnd(h.t, shop, "customers");
    const part = await partOf(h, shop, "5");
    const customers = (await api(h, shop, "get", "/api/customers?linked=true")).body.items as {
      id: string;
      firstName: string;
      lastName: string;
    }[];
    const casey = customers[0]!;
    const created = await api(h, shop, "post", "/api/orders", {
      customerId: casey.id,
      lines: [{ kind: "part", partId: part.id, quantity: "4" }],
    });
    expect(created.status).toBe(201);
    const order = created.body as Order;
    expect((await api(h, shop, "post", `/api/orders/${order.id}/invoice`)).status).toBe(200);

    await disconnect(shop);
    await switchTo(shop, B);
    const bItem5 = (await qbo<{ Item: { QtyOnHand: number } }>(shop, "item/5")).Item;
    const invoicesIn = async () =>
      (
        await qbo<{ QueryResponse: { totalCount?: number } }>(
          shop,
          "query?query=select%20count(*)%20from%20Invoice",
        )
      ).QueryResponse.totalCount ?? 0;
    const invoicesBefore = await invoicesIn();

    // The mapping named A's items: it went with the switch, so nothing can be posted yet.
    const refused = await api(h, shop, "post", `/api/orders/${order.id}/quickbooks`);
    expect(refused.status).toBe(409);
    expect((await waitForOrder(shop, order.id)).quickBooks.status).toBe("not_sent");
    expect(await invoicesIn()).toBe(invoicesBefore);

    // Once B is mapped, the order reaches B under B's own ids: its own customer, no A item.
    await mapCategories(shop);
    expect((await api(h, shop, "post", `/api/orders/${order.id}/quickbooks`)).status).toBe(200);
    const done = await waitForOrder(shop, order.id);
    expect(done.quickBooks.status).toBe("sent");
    const invoice = (
      await qbo<{
        Invoice: {
          CustomerRef: { value: string };
          Line: { SalesItemLineDetail?: { ItemRef: { value: string } } }[];
        };
      }>(shop, `invoice/${done.quickBooks.invoiceId}`)
    ).Invoice;
    const customer = (
      await qbo<{ Customer: { DisplayName: string } }>(
        shop,
        `customer/${invoice.CustomerRef.value}`,
      )
    ).Customer;
    expect(customer.DisplayName).toContain(casey.lastName);
    const itemIds = invoice.Line.flatMap((l) =>
      l.SalesItemLineDetail ? [l.SalesItemLineDetail.ItemRef.value] : [],
    );
    expect(itemIds).not.toContain("5");
    expect((await qbo<{ Item: { QtyOnHand: number } }>(shop, "item/5")).Item.QtyOnHand).toBe(
      bItem5.QtyOnHand,
    );
  }, 120_000);

  it("drops a stock count still on its way to company A when the shop switches to B", async () => {
    const shop = "shop-count-switch";
    await connectShop(h.t, shop, A);
    const qtyIn = (realmId: string) =>
      Number(h.sandbox.state.companies.get(realmId)!.get("Item", "6")!.e.QtyOnHand);
    const [aBefore, bBefore] = [qtyIn(A), qtyIn(B)];
    const [part] = await h.t.deps.db
      .insert(parts)
      .values({
        shopId: shop,
        kind: "inventory",
        description: "Counted before the switch",
        quantityAvailable: String(aBefore),
        quickBooksItemRef: "6",
        quickBooksRealmId: A,
      })
      .returning();
    await api(h, shop, "put", "/api/quickbooks/sync/settings", {
      category: "inventory",
      keepInSync: true,
    });
    // This harness runs no adjustment sender: the count waits, as if QuickBooks were slow.
    const patched = await request(h.t.app)
      .patch(`/api/inventory/${part!.id}`)
      .set("authorization", `Bearer ${await h.t.token(shop)}`)
      .send({ quantityAvailable: String(aBefore + 3) });
    expect(patched.status).toBe(200);
    const history = async () =>
      (await api(h, shop, "get", `/api/inventory/${part!.id}/movements`)).body as StockMovementList;
    expect((await history()).items[0]?.quickBooks?.status).toBe("pending");

    await disconnect(shop);
    await switchTo(shop, B);
    const [moved] = (await history()).items;
    expect(moved?.quickBooks).toMatchObject({
      status: "dropped",
      errorCode: "quickbooks_company_changed",
    });
    const retry = await api(
      h,
      shop,
      "post",
      `/api/inventory/${part!.id}/adjustments/${moved?.quickBooks?.id}/retry`,
    );
    expect(retry.status).toBe(409);
    expect([qtyIn(A), qtyIn(B)]).toEqual([aBefore, bBefore]);
  });

  it("ends an import running for company A when the shop switches to B, instead of mixing them", async () => {
    const shop = "shop-midway";
    await connectShop(h.t, shop, A);
    // 30 pages of 10 at 1 s each, 4 in flight: the run lasts several seconds after its first
    // page, far longer than the switch takes even on a loaded machine.
    await admin(h.sandbox, "POST", "/faults", { realmId: A, latencyMs: 1000 });
    try {
      const started = await api(h, shop, "post", "/api/quickbooks/imports", {
        category: "inventory",
      });
      expect(started.status).toBe(202);
      const id = (started.body as ImportJob).id;
      // Wait until the run has committed at least one page of A's items.
      for (const until = Date.now() + 60_000; ;) {
        const job = (await api(h, shop, "get", `/api/quickbooks/imports/${id}`)).body as ImportJob;
        if (job.processed > 0) break;
        if (Date.now() > until) throw new Error("the import never committed a page");
        await new Promise((r) => setTimeout(r, 20));
      }
      await disconnect(shop);
      await switchTo(shop, B);
      const ended = await waitForJob(h.t, shop, id);
      expect(ended.status).toBe("failed");
      expect(ended.error?.code).toBe("quickbooks_company_changed");
      // Nothing of that run stayed linked: A's links went to history, none to B.
      expect((await connection(shop)).linkedCompany).toMatchObject({ realmId: B, parts: 0 });
    } finally {
      await admin(h.sandbox, "DELETE", "/faults");
    }
  }, 120_000);

  it("keeps the previous connection when a connect fails or comes back in another browser", async () => {
    const shop = "shop-failed";
    await connectShop(h.t, shop, A);
    await runImportToEnd(h.t, shop, "customers");
    const before = await h.t.deps.qbo.store.read(shop);

    const elsewhere = await connectShop(h.t, shop, B, { browser: false });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.text).toContain("another browser");

    // In the right browser B waits for a confirmation; the owner keeps A instead.
    expect((await connectShop(h.t, shop, B)).text).toContain("different QuickBooks company");
    await request(h.t.app)
      .delete("/api/quickbooks/connection/switch")
      .set("authorization", `Bearer ${await h.t.token(shop)}`)
      .expect(204);
    expect(await connection(shop)).toMatchObject({ status: "connected", realmId: A });
    expect((await connection(shop)).pendingSwitch).toBeUndefined();
    expect(await h.t.deps.qbo.store.read(shop)).toEqual(before);
    // The same company again keeps everything, no question asked.
    const again = await connectShop(h.t, shop, A);
    expect(again.text).toContain("QuickBooks is connected");
    expect(await connection(shop)).toMatchObject({
      status: "connected",
      realmId: A,
      linkedCompany: { realmId: A },
    });
  }, 60_000);

  it("refuses, in the database itself, a link to any company but the shop's", async () => {
    const shop = "shop-switch"; // back on A, with A's 300 links, since the first test
    const [one] = await h.t.deps.db.select().from(parts).where(eq(parts.shopId, shop)).limit(1);
    await expect(
      h.t.deps.db
        .update(parts)
        .set({ quickBooksItemRef: "999999", quickBooksRealmId: B })
        .where(eq(parts.id, one!.id)),
    ).rejects.toThrow();
    await expect(
      h.t.deps.db
        .update(parts)
        .set({ quickBooksItemRef: "999999", quickBooksRealmId: null })
        .where(eq(parts.id, one!.id)),
    ).rejects.toThrow();
    // Nor can the shop's company move while links still point at it.
    await expect(
      h.t.deps.db.execute(
        sql`update quickbooks_link_realms set realm_id = ${B} where shop_id = ${shop}`,
      ),
    ).rejects.toThrow();
  });

  async function waitForOrder(shop: string, id: string): Promise<Order> {
    for (;;) {
      const o = (await api(h, shop, "get", `/api/orders/${id}`)).body as Order;
      if (o.quickBooks.status !== "pending") return o;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
});
