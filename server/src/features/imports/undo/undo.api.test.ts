import { type ImportJob, UndoImportResultSchema } from "@app/shared";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../../db/client.js";
import { connectShop } from "../../../testing/connect.js";
import { type RunningSandbox, admin, startTestSandbox } from "../../../testing/sandbox.js";
import { type TestApp, createTestApp } from "../../../testing/test-app.js";
import { testBackends } from "../../../testing/test-database.js";
import { runImportToEnd, startWorker } from "../imports.testing.js";
import { findJob } from "../jobs.repository.js";
import { undoBatch } from "./run-undo.js";
import { startUndo } from "./undo.repository.js";
import { sql } from "drizzle-orm";

/** Everything a user sees of a shop's inventory, in a stable order. */
async function inventoryOf(t: TestApp, shop: string) {
  return rowsOf<Record<string, unknown>>(
    await t.deps.db.execute(sql`
      select id, kind, description, note, part_number, vendor_id, cost::text, retail_cost::text,
             quantity_available::text, critical_quantity::text, quickbooks_item_ref, updated_at
      from parts where shop_id = ${shop} order by id`),
  );
}

describe.each(testBackends())("undo an import on %s", (backend) => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  let stopWorker: () => Promise<void>;
  const auth = async (shop: string, role: "owner" | "technician" = "owner") =>
    `Bearer ${await t.token(shop, role)}`;
  const undo = async (shop: string, id: string, body: object = {}, role?: "technician") =>
    request(t.app)
      .post(`/api/quickbooks/imports/${id}/undo`)
      .set("authorization", await auth(shop, role))
      .send(body);
  const api = async (shop: string, method: "post" | "patch", path: string, body: object) => {
    const agent = request(t.app);
    const res = await (method === "post" ? agent.post(path) : agent.patch(path))
      .set("authorization", await auth(shop))
      .send(body);
    if (res.status >= 300) throw new Error(`${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  const company = (seed: string, inventory: number, customers = 0) =>
    admin<{ realmId: string }>(sandbox, "POST", "/companies", {
      seed,
      items: { inventory, nonInventory: 0, service: 0 },
      customers,
      vendors: 3,
    });

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    t = await createTestApp(backend, { QBO_SANDBOX_URL: sandbox.url, IMPORT_LEASE_SECONDS: "1" });
    ({ stop: stopWorker } = await startWorker(t));
  });
  afterAll(async () => {
    await stopWorker();
    await t.close();
    await sandbox.close();
  });

  it("takes back created parts, keeps those used since and says why; twice is a 409", async () => {
    const shop = "shop-undo";
    await connectShop(t, shop, (await company("undo-a", 20, 2)).realmId);
    const preview = await runImportToEnd(t, shop, "inventory", true);
    expect((await undo(shop, preview.id)).status).toBe(409);

    await runImportToEnd(t, shop, "customers");
    const run = await runImportToEnd(t, shop, "inventory");
    expect(run).toMatchObject({ status: "succeeded", imported: 20 });
    expect((await undo(shop, run.id, {}, "technician")).status).toBe(403);
    expect((await undo("shop-other", run.id)).status).toBe(404);
    expect((await undo(shop, run.id, { dryRun: "yes" })).body.error.details[0].path).toBe(
      "body.dryRun",
    );

    // Since the import: one part sold on an order, one counted by hand, one renamed.
    const [sold, counted, renamed] = (await inventoryOf(t, shop)).map((p) => p.id as string);
    const customer = rowsOf<{ id: string }>(
      await t.deps.db.execute(sql`select id from customers where shop_id = ${shop} limit 1`),
    )[0]!.id;
    await api(shop, "post", "/api/orders", {
      customerId: customer,
      lines: [{ kind: "part", partId: sold, quantity: "1" }],
    });
    await api(shop, "patch", `/api/inventory/${counted}`, { quantityAvailable: "999" });
    await api(shop, "patch", `/api/inventory/${renamed}`, { description: "Renamed by hand" });

    const planned = UndoImportResultSchema.parse((await undo(shop, run.id, { dryRun: true })).body);
    expect(planned).toMatchObject({ removed: 17, restored: 0, keptCount: 3 });
    expect(Object.fromEntries(planned.kept.map((k) => [k.recordId, k.reason]))).toEqual({
      [sold!]: "used on an order",
      [counted!]: "stock moved since the import",
      [renamed!]: "edited since the import",
    });
    expect((await inventoryOf(t, shop)).length).toBe(20); // a preview changes nothing

    const done = await undo(shop, run.id);
    expect(done.status).toBe(200);
    expect(UndoImportResultSchema.parse(done.body)).toEqual(planned);
    // Stored as codes the web says in the reader's language, not as English words.
    expect(planned.kept.map((k) => k.reasonCode).sort()).toEqual([
      "edited",
      "on_order",
      "stock_moved",
    ]);
    const stored = rowsOf<{ undo_reason: string }>(
      await t.deps.db.execute(
        sql`select undo_reason from import_records where job_id = ${run.id} and undo_outcome = 'kept' order by undo_reason`,
      ),
    );
    expect(stored.map((r) => r.undo_reason)).toEqual(["edited", "on_order", "stock_moved"]);
    expect((await inventoryOf(t, shop)).map((p) => p.id).sort()).toEqual(
      [sold, counted, renamed].sort(),
    );
    const again = await undo(shop, run.id);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("conflict");
    const job = (
      await request(t.app)
        .get(`/api/quickbooks/imports/${run.id}`)
        .set("authorization", await auth(shop))
    ).body as ImportJob;
    expect(job.undo).toMatchObject({ status: "done", removed: 17, restored: 0, kept: 3 });
    expect(job.undo?.by).toBeTruthy();
    expect(job.undo?.at).toBeTruthy();
  });

  it("puts an updated inventory back exactly as it was before the run", async () => {
    const shop = "shop-restore";
    await connectShop(t, shop, (await company("undo-b", 15)).realmId);
    await runImportToEnd(t, shop, "inventory");
    const [a, b] = (await inventoryOf(t, shop)).map((p) => p.id as string);
    await api(shop, "patch", `/api/inventory/${a}`, { cost: "1.23", quantityAvailable: "7" });
    await api(shop, "patch", `/api/inventory/${b}`, { description: "Our own name", note: "hi" });
    const asItWas = await inventoryOf(t, shop);

    const second = await runImportToEnd(t, shop, "inventory");
    expect(second).toMatchObject({ imported: 0, updated: 15 });
    expect(await inventoryOf(t, shop)).not.toEqual(asItWas);
    const res = UndoImportResultSchema.parse((await undo(shop, second.id)).body);
    expect(res).toMatchObject({ removed: 0, restored: 15, keptCount: 0 });
    expect(await inventoryOf(t, shop)).toEqual(asItWas);
    // The stock ledger still adds up to the quantity shown.
    const [ledger] = rowsOf<{ ok: boolean }>(
      await t.deps.db.execute(sql`
        select bool_and(p.quantity_available = (select sum(delta) from stock_movements m where m.part_id = p.id)) as ok
        from parts p where p.shop_id = ${shop} and p.quantity_available is not null`),
    );
    expect(ledger?.ok).toBe(true);
  });

  it("unlinks and restores the shop's own parts the run matched by part number", async () => {
    // Sku matches are settled in the run's last transaction, the one that also finishes it: a
    // part written there is the run's own write, not an edit made since.
    const shop = "shop-undo-sku";
    const { realmId } = await admin<{ realmId: string }>(sandbox, "POST", "/companies", {
      name: "Undo Sku Motors",
    });
    for (const partNumber of ["OF-2045", "WB-22", "SP-7090"])
      await api(shop, "post", "/api/inventory", {
        kind: "inventory",
        description: `Our ${partNumber}`,
        partNumber,
        quantityAvailable: "2",
      });
    const asItWas = await inventoryOf(t, shop);
    await connectShop(t, shop, realmId);
    const run = await runImportToEnd(t, shop, "inventory");
    expect(run.updated).toBe(3);
    const res = UndoImportResultSchema.parse((await undo(shop, run.id)).body);
    expect(res).toMatchObject({ removed: run.imported, restored: 3, keptCount: 0 });
    expect(await inventoryOf(t, shop)).toEqual(asItWas);
  });

  it("takes back customers a run created", async () => {
    const shop = "shop-undo-customers";
    await connectShop(t, shop, (await company("undo-c", 0, 6)).realmId);
    const run = await runImportToEnd(t, shop, "customers");
    const res = UndoImportResultSchema.parse((await undo(shop, run.id)).body);
    expect(res.removed).toBe(run.imported);
    const [left] = rowsOf<{ n: number }>(
      await t.deps.db.execute(
        sql`select count(*)::int as n from customers where shop_id = ${shop}`,
      ),
    );
    expect(left?.n).toBe(0);
  });

  it("ends exact after the process running it dies mid-way: the worker's sweep resumes it", async () => {
    const shop = "shop-undo-crash";
    await connectShop(t, shop, (await company("undo-d", 1200)).realmId);
    const run = await runImportToEnd(t, shop, "inventory");
    expect(run.imported).toBe(1200);
    // What a request does before it dies: start the undo, commit one batch of 500, then nothing.
    const started = await startUndo(
      t.deps.db,
      { shopId: shop, jobId: run.id, by: "Owner", byId: "u1", workerId: "dead-process" },
      1,
    );
    expect(
      await undoBatch(
        { db: t.deps.db, logger: t.deps.logger, leaseSeconds: 1 },
        started!,
        "dead-process",
      ),
    ).toBe(true);
    expect((await inventoryOf(t, shop)).length).toBe(700);

    let job = await findJob(t.deps.db, shop, run.id);
    for (const until = Date.now() + 20_000; job?.undoStatus !== "done";) {
      if (Date.now() > until) throw new Error("the undo was not resumed");
      await new Promise((r) => setTimeout(r, 50));
      job = await findJob(t.deps.db, shop, run.id);
    }
    expect(job).toMatchObject({ undoRemoved: 1200, undoRestored: 0, undoKept: 0 });
    expect((await inventoryOf(t, shop)).length).toBe(0);
    const [marks] = rowsOf<{ removed: number }>(
      await t.deps.db.execute(sql`
        select count(*) filter (where undo_outcome = 'removed')::int as removed
        from import_records where job_id = ${run.id}`),
    );
    expect(marks?.removed).toBe(1200);
  }, 60_000);
});
