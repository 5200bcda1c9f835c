import type { ImportJob } from "@app/shared";
import { sql } from "drizzle-orm";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../db/client.js";
import { runImportToEnd, startWorker, waitForJob } from "../features/imports/imports.testing.js";
import { connectShop } from "../testing/connect.js";
import { type RunningSandbox, admin, startTestSandbox, stats } from "../testing/sandbox.js";
import { type TestApp, createTestApp } from "../testing/test-app.js";
import { testBackends } from "../testing/test-database.js";
import { CHAOS } from "./intensity.js";

const ITEMS = CHAOS ? 2000 : 160;
const PAGE = CHAOS ? "50" : "20";

interface Totals {
  parts: number;
  refs: number;
}

describe.each(testBackends())("imports through QuickBooks fault storms (%s)", (backend) => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  let stop: () => Promise<void> = async () => {};
  let faultsInjected = 0;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    t = await createTestApp(backend, {
      QBO_SANDBOX_URL: sandbox.url,
      IMPORT_PAGE_SIZE: PAGE,
      IMPORT_LEASE_SECONDS: "5",
    });
    ({ stop } = await startWorker(t));
  });
  afterAll(async () => {
    console.info(`[hardening] fault storms (${backend}): ${faultsInjected} faults injected`);
    await stop();
    await t?.close();
    await sandbox?.close();
  });

  async function company(shop: string, items = ITEMS): Promise<string> {
    const { realmId } = await admin<{ realmId: string }>(sandbox, "POST", "/companies", {
      seed: shop,
      items: { inventory: items, nonInventory: 0, service: 0 },
      customers: 0,
      vendors: 4,
    });
    expect((await connectShop(t, shop, realmId)).status).toBe(200);
    return realmId;
  }

  async function totals(shop: string): Promise<Totals> {
    const [row] = rowsOf<Totals>(
      await t.deps.db.execute(sql`select count(*)::int as parts,
        count(distinct quickbooks_item_ref)::int as refs from parts where shop_id = ${shop}`),
    );
    return row!;
  }

  async function startImport(shop: string): Promise<ImportJob> {
    const res = await request(t.app)
      .post("/api/quickbooks/imports")
      .set("authorization", `Bearer ${await t.token(shop)}`)
      .send({ category: "inventory" });
    expect(res.status).toBe(202);
    return res.body as ImportJob;
  }

  async function whenProcessed(shop: string, id: string, atLeast: number): Promise<void> {
    const auth = `Bearer ${await t.token(shop)}`;
    for (;;) {
      const res = await request(t.app)
        .get(`/api/quickbooks/imports/${id}`)
        .set("authorization", auth);
      const job = res.body as ImportJob;
      if (job.processed >= atLeast || (job.status !== "running" && job.status !== "queued")) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it("429s, 500s and timeouts on up to 30% of calls: the import completes exactly, never above 10 in flight", async () => {
    const shop = "shop-storm";
    const realmId = await company(shop);
    await admin(sandbox, "POST", "/faults", {
      realmId,
      latencyMs: 15,
      // 30% of calls fail in the fast run; the chaos run fails more than half of them.
      rate429: CHAOS ? 0.3 : 0.15,
      rate500: CHAOS ? 0.15 : 0.1,
      rateTimeout: CHAOS ? 0.1 : 0.05,
      timeoutMs: 250,
    });
    const started = await startImport(shop);
    const job = await waitForJob(t, shop, started.id, CHAOS ? 600_000 : 60_000);
    await admin(sandbox, "DELETE", `/faults?realmId=${realmId}`);
    const s = await stats(sandbox, realmId);
    // The sandbox fails calls at exactly these rates (deterministic accumulator), so the faults
    // it injected are its requests times the rates.
    faultsInjected += Math.floor(s.requests * (CHAOS ? 0.55 : 0.3));
    expect(s.maxInFlight).toBeLessThanOrEqual(10);
    expect(job).toMatchObject({
      status: "succeeded",
      total: ITEMS,
      processed: ITEMS,
      imported: ITEMS,
      skipped: 0,
    });
    expect(await totals(shop)).toEqual({ parts: ITEMS, refs: ITEMS });
  });

  it("access tokens expiring mid-run: refreshed once, the import completes exactly", async () => {
    const shop = "shop-expiry";
    const realmId = await company(shop);
    await admin(sandbox, "POST", "/faults", { realmId, latencyMs: 40 });
    const before = await stats(sandbox, realmId);
    const started = await startImport(shop);
    await whenProcessed(shop, started.id, Number(PAGE) * 2);
    await admin(sandbox, "POST", "/faults", { realmId, expireAccessTokens: true });
    faultsInjected += 1;
    const job = await waitForJob(t, shop, started.id, 60_000);
    await admin(sandbox, "DELETE", `/faults?realmId=${realmId}`);
    const after = await stats(sandbox, realmId);
    expect(after.tokenRefreshes - before.tokenRefreshes).toBe(1);
    expect(job).toMatchObject({ status: "succeeded", processed: ITEMS, imported: ITEMS });
    expect(await totals(shop)).toEqual({ parts: ITEMS, refs: ITEMS });
  });

  it("the refresh token revoked mid-run: the import stops clearly, and after reconnecting a re-run ends exact", async () => {
    const shop = "shop-revoked";
    // Fifty pages: the revocation must land while the run is still going, however slowly the
    // test sees its progress on a busy machine (with 8 pages the run could end before that).
    const items = Number(PAGE) * 50;
    const realmId = await company(shop, items);
    await admin(sandbox, "POST", "/faults", { realmId, latencyMs: 40 });
    const started = await startImport(shop);
    await whenProcessed(shop, started.id, Number(PAGE) * 2);
    await admin(sandbox, "POST", "/faults", {
      realmId,
      expireAccessTokens: true,
      revokeRefreshTokens: true,
    });
    faultsInjected += 2;
    const stopped = await waitForJob(t, shop, started.id, 60_000);
    await admin(sandbox, "DELETE", `/faults?realmId=${realmId}`);
    // A clear state: failed with the reason, and the connection says reconnect.
    expect(stopped.status).toBe("failed");
    expect(stopped.error?.code).toBe("quickbooks_reconnect_required");
    expect(stopped.processed).toBeLessThan(items);
    const conn = await request(t.app)
      .get("/api/quickbooks/connection")
      .set("authorization", `Bearer ${await t.token(shop)}`);
    expect(conn.body.status).toBe("needs_reconnect");
    const partial = await totals(shop);
    expect(partial.parts).toBe(stopped.imported);
    expect(partial.refs).toBe(partial.parts);
    // Resumable: reconnect and run it again; nothing twice, nothing missing.
    expect((await connectShop(t, shop, realmId)).status).toBe(200);
    const rerun = await runImportToEnd(t, shop, "inventory");
    expect(rerun).toMatchObject({
      status: "succeeded",
      processed: items,
      imported: items - partial.parts,
      updated: partial.parts,
    });
    expect(await totals(shop)).toEqual({ parts: items, refs: items });
  });
});
