import { createHmac } from "node:crypto";
import type { ImportJob } from "@app/shared";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateEntity } from "../qbo-sandbox/entity-operations.js";
import { writeCtx } from "../qbo-sandbox/state.js";
import { type RunningSandbox, type SandboxStats, admin, stats } from "../testing/sandbox.js";
import { startTestSandbox } from "../testing/sandbox.js";
import { CHAOS } from "./intensity.js";
import {
  ServerProcess,
  apiCall,
  connectThrough,
  deploymentEnv,
  freePort,
  processDatabase,
  tokenFor,
} from "../testing/server-process.js";

const SHOP = "shop-scale";
const VERIFIER = "scale-verifier";
const ITEMS = CHAOS ? 1500 : 300;
const BURST = CHAOS ? 60 : 20; // calls per process in the limits burst

/**
 * Two BFF processes sharing one PostgreSQL, behind no sticky routing: every request may land
 * on either. (PGlite is one process's embedded database; there is nothing to share.)
 */
function scaleOutSuite() {
  describe("two server processes sharing one PostgreSQL", () => {
    let sandbox: RunningSandbox;
    let a: ServerProcess;
    let b: ServerProcess;
    let db: { env: Record<string, string>; drop(): Promise<void> };
    let sql: pg.Client;
    let token = "";
    let realmId = "";
    let env: Record<string, string> = {};
    const both = () => [a, b];

    beforeAll(async () => {
      sandbox = await startTestSandbox();
      db = await processDatabase("postgres");
      env = deploymentEnv(sandbox.url, {
        ...db.env,
        QBO_WEBHOOK_VERIFIER_TOKEN: VERIFIER,
        IMPORT_PAGE_SIZE: "25",
        IMPORT_LEASE_SECONDS: "2",
        SYNC_TICK_SECONDS: "0.5",
      });
      a = new ServerProcess(await freePort(), env);
      b = new ServerProcess(await freePort(), env);
      // One starts first so the migrations run once; then the second joins.
      await a.start();
      await b.start();
      token = await tokenFor(env, SHOP);
      ({ realmId } = await admin<{ realmId: string }>(sandbox, "POST", "/companies", {
        seed: "scale",
        items: { inventory: ITEMS, nonInventory: 0, service: 3 },
        customers: 0,
        vendors: 3,
      }));
      await connectThrough(a.url, token, realmId);
      sql = new pg.Client({ connectionString: env.DATABASE_URL });
      await sql.connect();
    }, 120_000);
    afterAll(async () => {
      await sql?.end();
      for (const p of [a, b]) await p?.kill("SIGTERM");
      await sandbox?.close();
      await db?.drop();
    });

    it("runs an import exactly once: one live run per category, every item once", async () => {
      const started = await apiCall<ImportJob>(b.url, token, "/api/quickbooks/imports", {
        method: "POST",
        body: JSON.stringify({ category: "inventory" }),
      });
      // The same import asked of the other process while it runs: refused, not run twice.
      const again = await fetch(`${a.url}/api/quickbooks/imports`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ category: "inventory" }),
      });
      expect(again.status).toBe(409);
      let job = started;
      for (let i = 0; !["succeeded", "failed", "canceled"].includes(job.status); i++) {
        await new Promise((r) => setTimeout(r, 100));
        job = await apiCall<ImportJob>(
          both()[i % 2]!.url,
          token,
          `/api/quickbooks/imports/${started.id}`,
        );
      }
      expect(job).toMatchObject({
        status: "succeeded",
        total: ITEMS,
        processed: ITEMS,
        imported: ITEMS,
        updated: 0,
        skipped: 0,
      });
      const { rows } = await sql.query<{
        parts: number;
        refs: number;
        records: number;
        moves: number;
      }>(
        `select (select count(*)::int from parts where shop_id = $1) as parts,
                (select count(distinct quickbooks_item_ref)::int from parts where shop_id = $1) as refs,
                (select count(*)::int from import_records where job_id = $2) as records,
                (select count(*)::int from stock_movements where shop_id = $1) as moves`,
        [SHOP, started.id],
      );
      expect(rows[0]).toMatchObject({ parts: ITEMS, refs: ITEMS, records: ITEMS });
      expect(rows[0]!.moves).toBeLessThanOrEqual(ITEMS);
    });

    it("refreshes an expired access token exactly once when both processes need it at once", async () => {
      const before = await stats(sandbox, realmId);
      await admin(sandbox, "POST", "/faults", { realmId, expireAccessTokens: true });
      const calls = both().flatMap((p) =>
        Array.from({ length: 6 }, () =>
          apiCall<{ items: unknown[] }>(p.url, token, "/api/quickbooks/items"),
        ),
      );
      const answers = await Promise.all(calls);
      for (const r of answers) expect(r.items.length).toBeGreaterThan(0);
      const after = await stats(sandbox, realmId);
      expect(after.tokenRefreshes - before.tokenRefreshes).toBe(1);
      const { rows } = await sql.query<{ status: string }>(
        "select status from quickbooks_connections where shop_id = $1",
        [SHOP],
      );
      expect(rows[0]?.status).toBe("connected");
    });

    it("keeps Intuit's limits for the company across both processes (≤ 10 in flight, no 429)", async () => {
      await admin(sandbox, "POST", "/faults", { realmId, latencyMs: 150 });
      const before = await stats(sandbox, realmId);
      const began = Date.now();
      const calls = both().flatMap((p) =>
        Array.from({ length: BURST }, () =>
          apiCall<{ items: unknown[] }>(p.url, token, "/api/quickbooks/items"),
        ),
      );
      await Promise.all(calls);
      const took = Date.now() - began;
      await admin(sandbox, "DELETE", `/faults?realmId=${realmId}`);
      const after: SandboxStats = await stats(sandbox, realmId);
      expect(after.throttled - before.throttled).toBe(0);
      expect(after.maxInFlight).toBeLessThanOrEqual(10);
      expect(after.requests - before.requests).toBe(2 * BURST);
      // Near Intuit's pace, not crawling: 2×BURST calls at ≤ 10/s.
      expect(took).toBeLessThan(((2 * BURST) / 10) * 1000 + 4000);
    });

    it("applies one QuickBooks change once when its notification reaches both processes", async () => {
      const { rows: linked } = await sql.query<{ id: string; ref: string; retail: string }>(
        `select id, quickbooks_item_ref as ref, retail_cost::text as retail from parts
         where shop_id = $1 order by quickbooks_item_ref limit 1`,
        [SHOP],
      );
      const part = linked[0]!;
      const company = sandbox.state.companies.get(realmId)!;
      const item = company.get("Item", part.ref)!.e;
      const price = Number(part.retail) + 11.25;
      updateEntity(writeCtx(sandbox.state, company), "Item", {
        Id: part.ref,
        SyncToken: item.SyncToken,
        sparse: true,
        UnitPrice: price,
      });
      const body = JSON.stringify({
        eventNotifications: [
          {
            realmId,
            dataChangeEvent: {
              entities: [
                {
                  name: "Item",
                  id: part.ref,
                  operation: "Update",
                  lastUpdated: new Date().toISOString(),
                },
              ],
            },
          },
        ],
      });
      const signature = createHmac("sha256", VERIFIER).update(body, "utf8").digest("base64");
      // Intuit's delivery and its retry land on different processes, at the same moment.
      const deliveries = [...both(), ...both()].map((p) =>
        fetch(`${p.url}/api/quickbooks/webhooks`, {
          method: "POST",
          headers: { "content-type": "application/json", "intuit-signature": signature },
          body,
        }),
      );
      const statuses = (await Promise.all(deliveries)).map((r) => r.status);
      expect(
        statuses.every((s) => s === 200),
        `webhook answers ${statuses.join(",")}`,
      ).toBe(true);
      const deadline = Date.now() + 15_000;
      let retail = part.retail;
      while (Number(retail) !== price && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        const { rows } = await sql.query<{ retail: string }>(
          "select retail_cost::text as retail from parts where id = $1",
          [part.id],
        );
        retail = rows[0]!.retail;
      }
      expect(Number(retail)).toBe(price);
      await new Promise((r) => setTimeout(r, 1500)); // a few more ticks of both workers
      const { rows } = await sql.query<{ n: number }>(
        "select count(*)::int as n from sync_changes where shop_id = $1 and item_ref = $2",
        [SHOP, part.ref],
      );
      expect(rows[0]!.n).toBe(1);
    });
  });
}

if (process.env.DATABASE_URL) scaleOutSuite();
else
  describe("scale out without PostgreSQL", () => {
    it("has nothing to share: PGlite is one process's embedded database (CI runs the suite)", () => {
      expect(process.env.DATABASE_URL).toBeUndefined();
    });
  });
