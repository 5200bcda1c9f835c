import { sql } from "drizzle-orm";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../db/client.js";
import { parts } from "../../db/schema/index.js";
import { DEMO_COMPANY_FACTS as F } from "../../qbo-sandbox/companies/demo-company.facts.js";
import { connectShop } from "../../testing/connect.js";
import { type RunningSandbox, startTestSandbox } from "../../testing/sandbox.js";
import { type TestApp, createTestApp } from "../../testing/test-app.js";
import { testBackends } from "../../testing/test-database.js";
import { allRecords, runImportToEnd, startWorker } from "./imports.testing.js";

interface PartRow {
  id: string;
  kind: string;
  description: string;
  note: string;
  part_number: string;
  cost: string;
  retail_cost: string;
  quantity_available: string | null;
  critical_quantity: string | null;
  quickbooks_item_ref: string | null;
  vendor_name: string | null;
  vendor_ref: string | null;
}

describe.each(testBackends())("importing the demo company on %s", (backend) => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  let stopWorker: () => Promise<void>;
  const shop = "shop-demo";
  let ownPartIds: { oilFilter: string; brakePads: string };

  const partByRef = async (ref: string): Promise<PartRow> =>
    rowsOf<PartRow>(
      await t.deps.db.execute(sql`
        select p.*, v.name as vendor_name, v.quickbooks_vendor_ref as vendor_ref
        from parts p left join vendors v on v.id = p.vendor_id
        where p.shop_id = ${shop} and p.quickbooks_item_ref = ${ref}`),
    )[0]!;
  const count = async (query: ReturnType<typeof sql>) =>
    Number(rowsOf<{ n: string }>(await t.deps.db.execute(query))[0]!.n);

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    t = await createTestApp(backend, { QBO_SANDBOX_URL: sandbox.url });
    stopWorker = (await startWorker(t)).stop;
    await connectShop(t, shop, sandbox.demoRealmId);
    // The shop already keeps two parts in Shopmonkey, unlinked, with QuickBooks' Skus in other case.
    const own = await t.deps.db
      .insert(parts)
      .values([
        {
          shopId: shop,
          kind: "inventory",
          description: "Oil filter (ours)",
          partNumber: " of-2045 ",
          quantityAvailable: "10",
        },
        {
          shopId: shop,
          kind: "inventory",
          description: "Brake pads (ours)",
          partNumber: "BP-1001",
          quantityAvailable: "3",
        },
      ])
      .returning({ id: parts.id });
    ownPartIds = { oilFilter: own[0]!.id, brakePads: own[1]!.id };
  });
  afterAll(async () => {
    await stopWorker?.();
    await t.close();
    await sandbox.close();
  });

  it("previews inventory without writing anything", async () => {
    const job = await runImportToEnd(t, shop, "inventory", true);
    expect(job).toMatchObject({
      status: "succeeded",
      dryRun: true,
      total: F.items.byType.Inventory,
    });
    expect(job).toMatchObject({ imported: 38, updated: 1, skipped: 2 });
    expect(await count(sql`select count(*) as n from parts where shop_id = ${shop}`)).toBe(2);
    expect(await count(sql`select count(*) as n from vendors where shop_id = ${shop}`)).toBe(0);
    expect(
      await count(sql`select count(*) as n from stock_movements where shop_id = ${shop}`),
    ).toBe(0);
    const records = await allRecords(t, shop, job.id);
    expect(records).toHaveLength(F.items.byType.Inventory);
    expect(records.find((r) => r.quickBooksId === "1")).toMatchObject({
      outcome: "updated",
      recordId: ownPartIds.oilFilter,
    });
  });

  it("imports inventory: counts add up to what QuickBooks returned", async () => {
    const job = await runImportToEnd(t, shop, "inventory");
    expect(job).toMatchObject({
      status: "succeeded",
      total: 41,
      processed: 41,
      imported: 38,
      updated: 1,
      skipped: 2,
    });
    expect(job.imported + job.updated + job.skipped).toBe(F.items.byType.Inventory);
    expect(job.requestedBy).toBe(`owner of ${shop}`);
    expect(job.startedAt && job.finishedAt).toBeTruthy();
  });

  it("links the shop's own part by Sku (trimmed, any case) and records the quantity change", async () => {
    const p = await partByRef("1");
    expect(p.id).toBe(ownPartIds.oilFilter);
    expect(p).toMatchObject({
      description: "Oil Filter - Standard",
      note: "Spin-on oil filter, 3/4-16 thread",
    });
    expect(p).toMatchObject({
      part_number: "OF-2045",
      cost: "3.25",
      retail_cost: "8.99",
      quantity_available: "48",
    });
    expect(p.critical_quantity).toBe("12");
    const moves = rowsOf<{ delta: string; quantity_after: string; reason: string }>(
      await t.deps.db.execute(
        sql`select delta, quantity_after, reason from stock_movements where part_id = ${p.id}`,
      ),
    );
    expect(moves).toEqual([{ delta: "38", quantity_after: "48", reason: "import" }]);
  });

  it("skips the shared Sku as a conflict and never touches the shop's BP-1001 part", async () => {
    const job = (
      await request(t.app)
        .get("/api/quickbooks/imports?category=inventory&limit=1")
        .set("authorization", `Bearer ${await t.token(shop)}`)
    ).body.items[0];
    const skipped = await allRecords(t, shop, job.id).then((r) =>
      r.filter((x) => x.outcome === "skipped"),
    );
    expect(skipped.map((r) => r.quickBooksId).sort()).toEqual([...F.edgeCases.sharedSku.itemIds]);
    for (const r of skipped)
      expect(r).toMatchObject({
        reason: "conflict: 2 QuickBooks items share SKU BP-1001",
        reasonCode: "sku_shared_in_quickbooks",
        reasonParams: { count: 2, sku: "BP-1001" },
      });
    // Stored as a code with its parameters, never as English words.
    const stored = rowsOf<{ reason: string | null; reason_code: string; reason_params: unknown }>(
      await t.deps.db.execute(
        sql`select reason, reason_code, reason_params from import_records where job_id = ${job.id} and outcome = 'skipped'`,
      ),
    );
    expect(stored).toEqual(
      skipped.map(() => ({
        reason: null,
        reason_code: "sku_shared_in_quickbooks",
        reason_params: { count: 2, sku: "BP-1001" },
      })),
    );
    // The CSV speaks the downloader's language: ?lang= first, else Accept-Language.
    const csvIn = async (query: string, acceptLanguage?: string) => {
      const req = request(t.app)
        .get(`/api/quickbooks/imports/${job.id}/records.csv${query}`)
        .set("authorization", `Bearer ${await t.token(shop)}`);
      const res = await (acceptLanguage ? req.set("accept-language", acceptLanguage) : req).expect(
        200,
      );
      return res;
    };
    const fr = await csvIn("?lang=fr", "en-US,en;q=0.9");
    expect(fr.headers["content-language"]).toBe("fr");
    expect(fr.text.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(
      "id_quickbooks,nom,résultat,raison,id_fiche",
    );
    expect(fr.text).toContain(
      `${skipped[0]!.quickBooksId},${skipped[0]!.name},ignoré,conflit : 2 articles QuickBooks partagent le SKU BP-1001,`,
    );
    expect(fr.text).not.toContain("share SKU");
    const byHeader = await csvIn("", "fr-CA,fr;q=0.9,en;q=0.8");
    expect(byHeader.text).toContain("conflit : 2 articles QuickBooks partagent le SKU BP-1001");
    const english = await csvIn("");
    expect(english.headers["content-language"]).toBe("en");
    expect(english.text).toContain("skipped,conflict: 2 QuickBooks items share SKU BP-1001,");
    await request(t.app)
      .get(`/api/quickbooks/imports/${job.id}/records.csv?lang=de`)
      .set("authorization", `Bearer ${await t.token(shop)}`)
      .expect(400);
    const ours = rowsOf<{ quickbooks_item_ref: string | null; quantity_available: string }>(
      await t.deps.db.execute(
        sql`select quickbooks_item_ref, quantity_available from parts where id = ${ownPartIds.brakePads}`,
      ),
    )[0];
    expect(ours).toEqual({ quickbooks_item_ref: null, quantity_available: "3" });
    expect(
      await count(
        sql`select count(*) as n from parts where shop_id = ${shop} and lower(part_number) = 'bp-1001'`,
      ),
    ).toBe(1);
  });

  it("keeps every importer-breaking case intact, field by field", async () => {
    const e = F.edgeCases;
    expect((await partByRef(e.apostrophe.id)).description).toBe(e.apostrophe.name);
    expect((await partByRef(e.accents.id)).description).toBe(e.accents.name);
    expect((await partByRef(e.emoji.id)).description).toBe(e.emoji.name);
    expect((await partByRef(e.emoji.id)).note).toContain("🌲");
    for (const { id, qty } of e.fractionalQty)
      expect((await partByRef(id)).quantity_available).toBe(String(qty));
    const noSku = await partByRef(e.noSkuInventory[0]);
    expect(noSku).toMatchObject({ part_number: "", kind: "inventory" });
    const longOne = await partByRef(e.longDescription.itemId);
    expect(longOne.note.length).toBeGreaterThanOrEqual(e.longDescription.minLength);
    expect(longOne.description).toBe("Wheel Bearing Hub Assembly");
    const inactiveVendor = await partByRef(e.inactivePreferredVendor.itemId);
    expect(inactiveVendor.vendor_ref).toBe(e.inactivePreferredVendor.vendorId);
    expect(inactiveVendor.vendor_name).toBeTruthy();
  });

  it("creates each preferred vendor once and links parts to it", async () => {
    expect(await count(sql`select count(*) as n from vendors where shop_id = ${shop}`)).toBe(
      F.vendors.total,
    );
    expect(
      await count(
        sql`select count(distinct quickbooks_vendor_ref) as n from vendors where shop_id = ${shop}`,
      ),
    ).toBe(F.vendors.total);
  });

  it("re-running imports nothing new: everything updates, the conflict stays a conflict", async () => {
    const before = await count(sql`select count(*) as n from parts where shop_id = ${shop}`);
    const job = await runImportToEnd(t, shop, "inventory");
    expect(job).toMatchObject({ status: "succeeded", imported: 0, updated: 39, skipped: 2 });
    expect(await count(sql`select count(*) as n from parts where shop_id = ${shop}`)).toBe(before);
    expect(
      await count(
        sql`select count(*) as n from stock_movements where shop_id = ${shop} and reason = 'import'`,
      ),
    ).toBe(
      before - 1, // one per created part with stock, one for the linked part, none on the re-run
    );
  });

  it("picks up a value changed in QuickBooks on the next run", async () => {
    const item = await t.deps.qbo.client.call<{ Item: { Id: string; SyncToken: string } }>(shop, {
      method: "GET",
      path: "item/3",
    });
    await t.deps.qbo.client.call(shop, {
      method: "POST",
      path: "item",
      body: { Id: "3", SyncToken: item.Item.SyncToken, sparse: true, UnitPrice: 99.95 },
    });
    const job = await runImportToEnd(t, shop, "inventory");
    expect(job).toMatchObject({ imported: 0, updated: 39 });
    expect((await partByRef("3")).retail_cost).toBe("99.95");
  });

  it("imports non-inventory (NonInventory and Service) without quantities", async () => {
    const job = await runImportToEnd(t, shop, "non_inventory");
    const expected = F.items.byType.NonInventory + F.items.byType.Service;
    expect(job).toMatchObject({
      status: "succeeded",
      total: expected,
      imported: expected,
      updated: 0,
      skipped: 0,
    });
    const rows = rowsOf<{
      quantity_available: string | null;
      critical_quantity: string | null;
      kind: string;
    }>(
      await t.deps.db.execute(
        sql`select kind, quantity_available, critical_quantity from parts where shop_id = ${shop} and kind = 'non_inventory'`,
      ),
    );
    expect(rows).toHaveLength(expected);
    for (const r of rows)
      expect(r).toMatchObject({ quantity_available: null, critical_quantity: null });
  });

  it("imports active customers and skips the sub-customer with its reason", async () => {
    const job = await runImportToEnd(t, shop, "customers");
    const active = F.customers.active;
    expect(job).toMatchObject({
      status: "succeeded",
      total: active,
      imported: active - 1,
      updated: 0,
      skipped: 1,
    });
    const records = await allRecords(t, shop, job.id);
    expect(records.find((r) => r.outcome === "skipped")).toMatchObject({
      quickBooksId: F.customers.subCustomerIds[0],
      reason: "sub-customer (QuickBooks project)",
      reasonCode: "sub_customer",
    });
    const james = rowsOf<Record<string, string>>(
      await t.deps.db.execute(
        sql`select * from customers where shop_id = ${shop} and quickbooks_customer_ref = '2'`,
      ),
    )[0];
    expect(james).toMatchObject({
      first_name: "James",
      last_name: "O'Connor",
      email: "jim.oconnor@example.com",
    });
    expect(james).toMatchObject({
      phone: "(541) 555-0142".replace("0142", "0178"),
      city: "Eugene",
      state: "OR",
      postal_code: "97402",
    });
    const again = await runImportToEnd(t, shop, "customers");
    expect(again).toMatchObject({ imported: 0, updated: active - 1, skipped: 1 });
  });

  it("still shows the English text a record stored before reason codes existed", async () => {
    const job = await runImportToEnd(t, shop, "customers");
    const skippedId = F.customers.subCustomerIds[0];
    await t.deps.db.execute(sql`
      update import_records set reason = 'sub-customer (QuickBooks project)', reason_code = null,
        reason_params = null
      where job_id = ${job.id} and quickbooks_id = ${skippedId}`);
    const records = await allRecords(t, shop, job.id);
    const old = records.find((r) => r.quickBooksId === skippedId);
    expect(old).toMatchObject({ reason: "sub-customer (QuickBooks project)" });
    expect(old).not.toHaveProperty("reasonCode");
    const csv = await request(t.app)
      .get(`/api/quickbooks/imports/${job.id}/records.csv?lang=fr`)
      .set("authorization", `Bearer ${await t.token(shop)}`)
      .expect(200);
    expect(csv.text).toContain(",ignoré,sub-customer (QuickBooks project),");
  });

  it("shows none of it to another shop", async () => {
    const other = `Bearer ${await t.token("shop-other")}`;
    const mine = (
      await request(t.app)
        .get("/api/quickbooks/imports")
        .set("authorization", `Bearer ${await t.token(shop)}`)
    ).body.items;
    expect(mine.length).toBeGreaterThan(0);
    expect(
      (await request(t.app).get("/api/quickbooks/imports").set("authorization", other).expect(200))
        .body,
    ).toEqual({ items: [] });
    await request(t.app)
      .get(`/api/quickbooks/imports/${mine[0].id}`)
      .set("authorization", other)
      .expect(404);
    await request(t.app)
      .get(`/api/quickbooks/imports/${mine[0].id}/records`)
      .set("authorization", other)
      .expect(404);
    await request(t.app)
      .get(`/api/quickbooks/imports/${mine[0].id}/records.csv`)
      .set("authorization", other)
      .expect(404);
    await request(t.app)
      .post(`/api/quickbooks/imports/${mine[0].id}/cancel`)
      .set("authorization", other)
      .expect(404);
  });
});
