import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSandbox, startTestSandbox } from "../../testing/sandbox.js";
import { type TestApp, createTestApp } from "../../testing/test-app.js";
import { testBackends } from "../../testing/test-database.js";
import { runImportToEnd, startWorker } from "../imports/imports.testing.js";
import {
  addItem,
  addPart,
  freshCompany,
  itemsIn,
  partsOf,
  waitForExport,
} from "./exports.testing.js";

/**
 * Issue 17.2: a vendor known on either side survives the export and the import that follows
 * it (as Apply in the reconciliation queues), and the part page's "Create in QuickBooks".
 */
describe.each(testBackends())("vendors through the export and back, on %s", (backend) => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  let stopImports: () => Promise<void>;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    t = await createTestApp(backend, { QBO_SANDBOX_URL: sandbox.url });
    stopImports = (await startWorker(t)).stop;
  });
  afterAll(async () => {
    await stopImports();
    await t.close();
    await sandbox.close();
  });

  const vendorsIn = async (shop: string) =>
    (
      await t.deps.qbo.client.call<{
        QueryResponse: { Vendor?: { Id: string; DisplayName: string }[] };
      }>(shop, { method: "GET", path: "query", query: { query: "select * from Vendor" } })
    ).QueryResponse.Vendor ?? [];

  it("items carry PrefVendorRef (linked or created vendor), and the import keeps every vendor", async () => {
    const shop = "vendor-shop";
    await freshCompany(t, sandbox, shop);
    const napa = (
      await t.deps.qbo.client.call<{ Vendor: { Id: string } }>(shop, {
        method: "POST",
        path: "vendor",
        body: { DisplayName: "NAPA" },
      })
    ).Vendor.Id;
    // A bookkeeper's item without a vendor, which our part (with a vendor) links to by SKU.
    const bare = await addItem(t, shop, { Name: "Spark plug (QB)", Sku: "SP-1" });
    const wp = await addPart(t, shop, { description: "Cabin filter", vendorName: "WorldPac" });
    await addPart(t, shop, { description: "Oil filter", vendorName: "NAPA" });
    await addPart(t, shop, { description: "Spark plug", partNumber: "SP-1", vendorName: "Bosch" });

    const started = await request(t.app)
      .post("/api/quickbooks/exports")
      .set("authorization", `Bearer ${await t.token(shop)}`)
      .send({})
      .expect(202);
    expect(await waitForExport(t, shop, started.body.id)).toMatchObject({
      status: "succeeded",
      created: 2,
      linked: 1,
    });
    const qbVendors = new Map((await vendorsIn(shop)).map((v) => [v.DisplayName, v.Id]));
    expect([...qbVendors.keys()].sort()).toEqual(["NAPA", "WorldPac"]);
    const items = new Map((await itemsIn(t, shop)).map((i) => [i.Name, i]));
    expect(items.get("Cabin filter")?.PrefVendorRef?.value).toBe(qbVendors.get("WorldPac"));
    expect(items.get("Oil filter")?.PrefVendorRef?.value).toBe(napa);
    expect(items.get("Spark plug (QB)")?.Id).toBe(bare);

    // The import that follows reads every item back: no part loses its vendor.
    expect((await runImportToEnd(t, shop, "inventory")).status).toBe("succeeded");
    const parts = await partsOf(t, shop);
    expect(
      Object.fromEntries(parts.map((p) => [p.partNumber || p.description, p.vendor?.name])),
    ).toEqual({ "Cabin filter": "WorldPac", "Oil filter": "NAPA", "SP-1": "Bosch" });
    expect(parts.find((p) => p.id === wp.id)?.vendor?.name).toBe("WorldPac");

    // From a part's page: the vendor, now linked, is reused rather than created again.
    const more = await addPart(t, shop, { description: "Air filter", vendorName: "WorldPac" });
    await request(t.app)
      .post(`/api/inventory/${more.id}/quickbooks-item`)
      .set("authorization", `Bearer ${await t.token(shop)}`)
      .expect(201);
    const air = (await itemsIn(t, shop)).find((i) => i.Name === "Air filter");
    expect(air?.PrefVendorRef?.value).toBe(qbVendors.get("WorldPac"));
    expect(await vendorsIn(shop)).toHaveLength(2);
  });
});
