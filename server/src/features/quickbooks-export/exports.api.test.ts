import { type ExportJob, ExportPreviewSchema, ExportRecordListSchema } from "@app/shared";
import { sql } from "drizzle-orm";
import request from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type RunningSandbox, admin, startTestSandbox } from "../../testing/sandbox.js";
import { type TestApp, createTestApp } from "../../testing/test-app.js";
import { testBackends } from "../../testing/test-database.js";
import { createExport } from "./create-export.js";
import {
  addItem,
  addPart,
  freshCompany,
  itemsIn,
  partsOf,
  waitForExport,
} from "./exports.testing.js";
import { runExport } from "./run-export.js";
import { type Workers, startWorkers } from "../../jobs/workers.js";

describe.each(testBackends())("creating parts in QuickBooks on %s", (backend) => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  const auth = async (shop: string, role: "owner" | "technician" = "owner") =>
    `Bearer ${await t.token(shop, role)}`;
  const session = (shop: string) => ({
    shopId: shop,
    userId: `${shop}-owner`,
    name: `owner of ${shop}`,
    role: "owner" as const,
  });

  let workers: Workers;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    t = await createTestApp(backend, { QBO_SANDBOX_URL: sandbox.url });
    // The export worker of main.ts; its sweep runs when a test says so.
    workers = await startWorkers(t.deps, { only: ["exports"], sweepSeconds: 3600 });
  });
  afterAll(async () => {
    await workers.stop();
    await t.close();
    await sandbox.close();
  });
  beforeEach(async () => {
    await admin(sandbox, "DELETE", "/faults");
  });

  it("previews the plan, flagging names and SKUs QuickBooks already has", async () => {
    const shop = "preview-shop";
    await freshCompany(t, sandbox, shop);
    const taken = await addItem(t, shop, { Name: "Oil filter" });
    const bySku = await addItem(t, shop, { Name: "Spark plug (QB)", Sku: "SP-9" });
    await addItem(t, shop, { Name: "Wiper A", Sku: "WB-1" });
    await addItem(t, shop, { Name: "Wiper B", Sku: "WB-1" });
    const oil = await addPart(t, shop, { description: "oil  FILTER" });
    const plug = await addPart(t, shop, { description: "Spark plug", partNumber: "sp-9" });
    const wiper = await addPart(t, shop, { description: "Wiper blade", partNumber: "WB-1" });
    const fresh = await addPart(t, shop, { description: "Cabin filter", partNumber: "CF-1" });
    const res = await request(t.app)
      .post("/api/quickbooks/exports/preview")
      .set("authorization", await auth(shop))
      .send({});
    expect(res.status).toBe(200);
    const preview = ExportPreviewSchema.parse(res.body);
    const row = (id: string) => preview.items.find((r) => r.partId === id)!;
    expect(row(oil.id)).toMatchObject({
      plan: "skip",
      nameTakenBy: { id: taken },
      reasonCode: "quickbooks_name_taken",
    });
    expect(row(oil.id).reasonParams?.name).toBeTruthy();
    expect(row(plug.id)).toMatchObject({ plan: "link_existing", skuTakenBy: [{ id: bySku }] });
    expect(row(wiper.id)).toMatchObject({ plan: "skip", reasonCode: "sku_matches_several" });
    expect(row(wiper.id).skuTakenBy).toHaveLength(2);
    expect(row(fresh.id)).toMatchObject({ plan: "create", itemType: "Inventory", skuTakenBy: [] });
    expect(preview.counts).toEqual({ create: 1, linkExisting: 1, skip: 2 });
    // A preview writes nothing.
    expect(await itemsIn(t, shop)).toHaveLength(4);
  });

  it("a part skipped for its name can be linked to that item instead: previewed, then done", async () => {
    const shop = "by-name-shop";
    await freshCompany(t, sandbox, shop);
    const taken = await addItem(t, shop, { Name: "Brake pads" });
    const pads = await addPart(t, shop, { description: "Brake pads" });
    const fresh = await addPart(t, shop, { description: "Cabin filter" });
    const preview = async (body: object) =>
      ExportPreviewSchema.parse(
        (
          await request(t.app)
            .post("/api/quickbooks/exports/preview")
            .set("authorization", await auth(shop))
            .send(body)
            .expect(200)
        ).body,
      );
    const before = await preview({});
    expect(before.items.find((r) => r.partId === pads.id)).toMatchObject({
      plan: "skip",
      canLinkByName: true,
      nameTakenBy: { id: taken, name: "Brake pads" },
    });
    const chosen = await preview({ linkByName: [pads.id] });
    expect(chosen.items.find((r) => r.partId === pads.id)).toMatchObject({
      plan: "link_existing",
      linkTo: { id: taken, name: "Brake pads" },
    });
    expect(chosen.counts).toEqual({ create: 1, linkExisting: 1, skip: 0 });
    await request(t.app)
      .post("/api/quickbooks/exports/preview")
      .set("authorization", await auth(shop))
      .send({ linkByName: ["not-a-uuid"] })
      .expect(400);

    const started = await request(t.app)
      .post("/api/quickbooks/exports")
      .set("authorization", await auth(shop))
      .send({ linkByName: [pads.id] })
      .expect(202);
    const job = await waitForExport(t, shop, started.body.id);
    expect(job).toMatchObject({ status: "succeeded", created: 1, linked: 1, skipped: 0 });
    const byId = new Map((await partsOf(t, shop)).map((p) => [p.id, p]));
    expect(byId.get(pads.id)?.quickBooksItemRef).toBe(taken);
    expect(byId.get(fresh.id)?.quickBooksItemRef).not.toBeNull();
    // Linked, not created twice: one "Brake pads" in QuickBooks.
    expect((await itemsIn(t, shop)).filter((i) => i.Name === "Brake pads")).toHaveLength(1);
  });

  it("creates every part exactly once in batches of 30 despite failing calls, and links them", async () => {
    const shop = "bulk-shop";
    const realmId = await freshCompany(t, sandbox, shop);
    for (let i = 0; i < 35; i++)
      await addPart(t, shop, {
        description: `Part ${String(i).padStart(2, "0")}`,
        partNumber: `P-${i}`,
        cost: "2.50",
        retailCost: "12.75",
        quantityAvailable: "7.5",
        criticalQuantity: "2",
      });
    await addPart(t, shop, {
      description: "Shop towel",
      kind: "non_inventory",
      quantityAvailable: null,
    });
    // Every 2nd QuickBooks call fails with a 500: the client retries with the same requestid.
    await admin(sandbox, "POST", "/faults", { realmId, rate500: 0.5 });
    const started = await request(t.app)
      .post("/api/quickbooks/exports")
      .set("authorization", await auth(shop))
      .send({});
    expect(started.status).toBe(202);
    const job = await waitForExport(t, shop, started.body.id);
    expect(job).toMatchObject({
      status: "succeeded",
      total: 36,
      created: 36,
      linked: 0,
      skipped: 0,
    });
    await admin(sandbox, "DELETE", "/faults");

    const items = await itemsIn(t, shop);
    expect(items).toHaveLength(36);
    expect(new Set(items.map((i) => i.Name)).size).toBe(36);
    const p7 = items.find((i) => i.Name === "Part 07")!;
    expect(p7).toMatchObject({
      Type: "Inventory",
      Sku: "P-7",
      UnitPrice: 12.75,
      PurchaseCost: 2.5,
      QtyOnHand: 7.5,
      ReorderPoint: 2,
      AssetAccountRef: { value: "81" },
    });
    expect(p7.InvStartDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(items.find((i) => i.Name === "Shop towel")?.Type).toBe("NonInventory");
    const parts = await partsOf(t, shop);
    expect(parts.every((p) => p.quickBooksItemRef)).toBe(true);
    expect(new Set(parts.map((p) => p.quickBooksItemRef)).size).toBe(36);

    // Exporting again finds nothing left to create.
    const again = await request(t.app)
      .post("/api/quickbooks/exports")
      .set("authorization", await auth(shop))
      .send({});
    expect((await waitForExport(t, shop, again.body.id)).total).toBe(0);
    expect(await itemsIn(t, shop)).toHaveLength(36);
  });

  it("creates nothing twice when the server dies between QuickBooks' answer and our write", async () => {
    const shop = "crash-shop";
    await freshCompany(t, sandbox, shop);
    for (let i = 0; i < 4; i++) await addPart(t, shop, { description: `Filter ${i}` });
    const id = await createExport(t.deps, session(shop), {}, { linkExisting: true });
    let answered = false;
    // The "dead" runner: QuickBooks made the items, and the process never gets further.
    void runExport(t.deps, id, {
      afterBatchAnswered: () => {
        answered = true;
        return new Promise<void>(() => undefined);
      },
    });
    while (!answered) await new Promise((r) => setTimeout(r, 20));
    expect(await itemsIn(t, shop)).toHaveLength(4);
    expect((await partsOf(t, shop)).some((p) => p.quickBooksItemRef)).toBe(false);

    // Its lease lapses; the export worker's sweep resumes it from the same batch.
    await t.deps.db.execute(
      sql`update quickbooks_exports set lease_expires_at = now() - interval '1 second' where id = ${id}`,
    );
    await workers.exports!.sweep();
    const job = await waitForExport(t, shop, id);
    expect(job).toMatchObject({ status: "succeeded", created: 4 });
    const items = await itemsIn(t, shop);
    expect(items).toHaveLength(4);
    const refs = (await partsOf(t, shop)).map((p) => p.quickBooksItemRef).sort();
    expect(refs).toEqual(items.map((i) => i.Id).sort());
  });

  it("reports a duplicate name (6240) on its part and goes on with the rest", async () => {
    const shop = "dup-shop";
    await freshCompany(t, sandbox, shop);
    const a = await addPart(t, shop, { description: "Air filter" });
    const b = await addPart(t, shop, { description: "Brake fluid" });
    const c = await addPart(t, shop, { description: "Coolant" });
    const id = await createExport(t.deps, session(shop), {}, { linkExisting: true });
    // Someone creates "Brake fluid" in QuickBooks between the preview and the batch.
    await addItem(t, shop, { Name: "Brake fluid", Type: "NonInventory" });
    await runExport(t.deps, id);
    const job = (
      await request(t.app)
        .get(`/api/quickbooks/exports/${id}`)
        .set("authorization", await auth(shop))
    ).body as ExportJob;
    expect(job).toMatchObject({ status: "succeeded", created: 2, skipped: 1, processed: 3 });
    const records = ExportRecordListSchema.parse(
      (
        await request(t.app)
          .get(`/api/quickbooks/exports/${id}/records`)
          .set("authorization", await auth(shop))
      ).body,
    ).items;
    expect(records.find((r) => r.partId === b.id)).toMatchObject({
      outcome: "skipped",
      reason: "QuickBooks already has an item with this name",
      reasonCode: "item_name_taken",
    });
    for (const p of [a, c]) expect(records.find((r) => r.partId === p.id)?.outcome).toBe("created");
    expect((await partsOf(t, shop)).find((p) => p.id === b.id)?.quickBooksItemRef).toBeNull();
  });

  it("creates one part from its page, links it at once, and refuses twice", async () => {
    const shop = "single-shop";
    await freshCompany(t, sandbox, shop);
    const part = await addPart(t, shop, { description: "Battery", partNumber: "BAT-1" });
    const url = `/api/inventory/${part.id}/quickbooks-item`;
    const denied = await request(t.app)
      .post(url)
      .set("authorization", await auth(shop, "technician"));
    expect(denied.status).toBe(403);
    const res = await request(t.app)
      .post(url)
      .set("authorization", await auth(shop));
    expect(res.status).toBe(201);
    const [item] = await itemsIn(t, shop);
    expect(res.body.quickBooksItemRef).toBe(item?.Id);
    expect(item).toMatchObject({ Name: "Battery", Sku: "BAT-1", Type: "Inventory" });
    const twice = await request(t.app)
      .post(url)
      .set("authorization", await auth(shop));
    expect(twice.status).toBe(409);

    const clash = await addPart(t, shop, { description: "battery" });
    const dup = await request(t.app)
      .post(`/api/inventory/${clash.id}/quickbooks-item`)
      .set("authorization", await auth(shop));
    expect(dup.status).toBe(409);
    expect(dup.body.error.details).toEqual({ code: "6240" });
    expect(await itemsIn(t, shop)).toHaveLength(1);
  });

  it("keeps each shop's exports and parts to itself", async () => {
    const [job] = (
      await request(t.app)
        .get("/api/quickbooks/exports")
        .set("authorization", await auth("bulk-shop"))
    ).body.items as ExportJob[];
    const other = await request(t.app)
      .get(`/api/quickbooks/exports/${job!.id}`)
      .set("authorization", await auth("dup-shop"));
    expect(other.status).toBe(404);
    const part = (await partsOf(t, "dup-shop"))[0]!;
    const foreign = await request(t.app)
      .post(`/api/inventory/${part.id}/quickbooks-item`)
      .set("authorization", await auth("bulk-shop"));
    expect(foreign.status).toBe(404);
    const unconnected = await request(t.app)
      .post("/api/quickbooks/exports/preview")
      .set("authorization", await auth("nobody"))
      .send({});
    expect(unconnected.body.error.code).toBe("quickbooks_not_connected");
  });
});
