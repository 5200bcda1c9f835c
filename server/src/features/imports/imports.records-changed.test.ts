import type { ImportJob } from "@app/shared";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { updateEntity } from "../../qbo-sandbox/entities/entity-operations.js";
import { writeCtx } from "../../qbo-sandbox/state.js";
import { connectShop } from "../../testing/connect.js";
import { type RunningSandbox, admin, startTestSandbox } from "../../testing/sandbox.js";
import { type TestApp, createTestApp } from "../../testing/test-app.js";
import { testBackends } from "../../testing/test-database.js";
import { runImportToEnd, startWorker, waitForJob } from "./imports.testing.js";

const ITEMS = 120;
const PAGE = 10;

/**
 * Imports page by position. An item made inactive after its page was read shifts every later
 * page back by one, and the item that slid onto the read page is never seen: the run must not
 * end "succeeded" with counts that agree with themselves.
 */
describe.each(testBackends())("an import while the company changes, on %s", (backend) => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  let stop: () => Promise<void>;
  let realmId: string;
  const shop = "shop-moving";

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    t = await createTestApp(backend, {
      QBO_SANDBOX_URL: sandbox.url,
      IMPORT_PAGE_SIZE: String(PAGE),
    });
    ({ realmId } = await admin<{ realmId: string }>(sandbox, "POST", "/companies", {
      seed: "moving",
      items: { inventory: ITEMS },
    }));
    await connectShop(t, shop, realmId);
    ({ stop } = await startWorker(t));
  });
  afterAll(async () => {
    await stop();
    await t.close();
    await sandbox.close();
  });

  const partsInShop = async (of = shop) =>
    (
      await request(t.app)
        .get("/api/inventory?pageSize=1")
        .set("authorization", `Bearer ${await t.token(of)}`)
        .expect(200)
    ).body.total as number;

  const jobOf = async (of: string, id: string) =>
    (
      await request(t.app)
        .get(`/api/quickbooks/imports/${id}`)
        .set("authorization", `Bearer ${await t.token(of)}`)
    ).body as ImportJob;

  /** Starts an inventory import on slow pages and returns once its first page is in. */
  async function startAndReadFirstPage(of: string, realm: string): Promise<string> {
    // Slow pages, so the run is still reading when the company changes.
    await admin(sandbox, "POST", "/faults", { realmId: realm, latencyMs: 150 });
    const started = await request(t.app)
      .post("/api/quickbooks/imports")
      .set("authorization", `Bearer ${await t.token(of)}`)
      .send({ category: "inventory" })
      .expect(202);
    const id = (started.body as ImportJob).id;
    await vi.waitFor(
      async () => expect((await jobOf(of, id)).processed).toBeGreaterThanOrEqual(PAGE),
      { timeout: 30_000, interval: 20 },
    );
    return id;
  }

  it("says the company changed and to run it again, and the second run brings in what was missed", async () => {
    const company = sandbox.state.companies.get(realmId)!;
    const first = [...company.tables.Item.values()]
      .map((r) => r.e)
      .filter((e) => e.Type === "Inventory")
      .sort((a, b) => Number(a.Id) - Number(b.Id))[0]!;
    // Once the first page is in, the first item is made inactive in QuickBooks.
    const id = await startAndReadFirstPage(shop, realmId);
    updateEntity(writeCtx(sandbox.state, company), "Item", {
      Id: first.Id,
      SyncToken: first.SyncToken,
      sparse: true,
      Active: false,
    });
    const job = await waitForJob(t, shop, id, 60_000);
    await admin(sandbox, "DELETE", "/faults");
    expect(job.status).toBe("failed");
    expect(job.error?.code).toBe("records_changed");
    expect(job.error?.message).toMatch(/changed in QuickBooks during the import/);
    // The inactive one is in, and at least one active one was missed: one for each page read
    // after the item left that lands next to a page read before (with pages in flight at once,
    // more than one such boundary can occur).
    expect(await partsInShop()).toBeLessThan(ITEMS);

    const again = await runImportToEnd(t, shop, "inventory");
    expect(again.status).toBe("succeeded");
    expect(await partsInShop()).toBe(ITEMS); // every active item, plus the one imported before
  }, 120_000);

  // The other way: an item that comes back shifts every later page forward by one, so the row
  // at a page boundary is read twice (on PostgreSQL, by two pages written at once).
  it("writes a record read on two pages once, and says to run it again", async () => {
    const other = "shop-returning";
    const { realmId: returning } = await admin<{ realmId: string }>(sandbox, "POST", "/companies", {
      seed: "returning",
      items: { inventory: ITEMS },
    });
    await connectShop(t, other, returning);
    const company = sandbox.state.companies.get(returning)!;
    const first = () =>
      [...company.tables.Item.values()]
        .map((r) => r.e)
        .filter((e) => e.Type === "Inventory")
        .sort((a, b) => Number(a.Id) - Number(b.Id))[0]!;
    const setActive = (Active: boolean) =>
      updateEntity(writeCtx(sandbox.state, company), "Item", {
        Id: first().Id,
        SyncToken: first().SyncToken,
        sparse: true,
        Active,
      });
    setActive(false); // the company starts with ITEMS - 1 active items
    const id = await startAndReadFirstPage(other, returning);
    setActive(true); // back at the front, on a page already read
    const job = await waitForJob(t, other, id, 60_000);
    await admin(sandbox, "DELETE", "/faults");
    expect(job.status).toBe("failed");
    expect(job.error?.code).toBe("records_changed");
    // Every item active at the start is in once, however many times it was read.
    expect(job.imported).toBe(ITEMS - 1);
    expect(await partsInShop(other)).toBe(ITEMS - 1);

    const again = await runImportToEnd(t, other, "inventory");
    expect(again.status).toBe("succeeded");
    expect(again.imported).toBe(1);
    expect(await partsInShop(other)).toBe(ITEMS);
  }, 120_000);
});
