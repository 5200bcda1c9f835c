import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../db/client.js";
import { connectShop } from "../../testing/connect.js";
import { type RunningSandbox, admin, startTestSandbox, stats } from "../../testing/sandbox.js";
import { type TestApp, createTestApp } from "../../testing/test-app.js";
import { testBackends } from "../../testing/test-database.js";
import { runImportToEnd, startWorker } from "./imports.testing.js";

const SPEC = {
  seed: "imports-scale",
  items: { inventory: 2500, nonInventory: 300, service: 200 },
  customers: 1200,
  vendors: 25,
};

describe.each(testBackends())("importing a generated company of thousands on %s", (backend) => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  let stopWorker: (() => Promise<void>) | undefined;
  let realmId: string;
  const shop = "shop-big";
  const count = async (table: "parts" | "customers" | "vendors", extra = sql``) =>
    Number(
      rowsOf<{ n: string }>(
        await t.deps.db.execute(
          sql`select count(*) as n from ${sql.raw(table)} where shop_id = ${shop} ${extra}`,
        ),
      )[0]!.n,
    );

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    // Smaller pages than Intuit's 1000 so the faults below hit many page requests.
    t = await createTestApp(backend, { QBO_SANDBOX_URL: sandbox.url, IMPORT_PAGE_SIZE: "500" });
    stopWorker = (await startWorker(t)).stop;
    ({ realmId } = await admin<{ realmId: string }>(sandbox, "POST", "/companies", SPEC));
    await connectShop(t, shop, realmId);
  });
  afterAll(async () => {
    await admin(sandbox, "DELETE", "/faults");
    await stopWorker?.();
    await t.close();
    await sandbox.close();
  });

  it("imports 2,500 inventory items on a healthy sandbox without provoking a single 429", async () => {
    const before = await stats(sandbox, realmId);
    const job = await runImportToEnd(t, shop, "inventory");
    expect(job).toMatchObject({
      status: "succeeded",
      total: 2500,
      processed: 2500,
      imported: 2500,
      updated: 0,
      skipped: 0,
    });
    expect(await count("parts")).toBe(2500);
    expect(await count("parts", sql`and quickbooks_item_ref is null`)).toBe(0);
    const after = await stats(sandbox, realmId);
    expect(after.throttled - before.throttled).toBe(0);
    expect(after.maxInFlight).toBeLessThanOrEqual(10);
    // count + 5 pages + vendors (count + 1 page): the pager, not a request per record.
    expect(after.requests - before.requests).toBeLessThanOrEqual(12);
  });

  it("gets exact counts with 10% injected 429s and 5% 500s", async () => {
    await admin(sandbox, "POST", "/faults", { realmId, rate429: 0.1, rate500: 0.05 });
    const again = await runImportToEnd(t, shop, "inventory");
    expect(again).toMatchObject({ status: "succeeded", imported: 0, updated: 2500, skipped: 0 });
    const nonInventory = await runImportToEnd(t, shop, "non_inventory");
    expect(nonInventory).toMatchObject({
      status: "succeeded",
      total: 500,
      imported: 500,
      updated: 0,
      skipped: 0,
    });
    const people = await runImportToEnd(t, shop, "customers");
    expect(people).toMatchObject({
      status: "succeeded",
      total: 1200,
      imported: 1200,
      updated: 0,
      skipped: 0,
    });
    expect(await count("parts")).toBe(3000);
    expect(await count("customers")).toBe(1200);
    expect(await count("vendors")).toBe(SPEC.vendors);
    const dupes = rowsOf<{ n: string }>(
      await t.deps.db
        .execute(sql`select count(*) as n from (select quickbooks_item_ref from parts where shop_id = ${shop}
        group by quickbooks_item_ref having count(*) > 1) d`),
    )[0]!;
    expect(Number(dupes.n)).toBe(0);
  });
});
