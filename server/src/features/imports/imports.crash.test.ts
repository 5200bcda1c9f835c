import type { ImportJob } from "@app/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHAOS } from "../../hardening/intensity.js";
import { type RunningSandbox, admin } from "../../testing/sandbox.js";
import {
  type Deployment,
  type ServerProcess,
  apiCall,
  connectThrough,
  queryDatabase,
  startDeployment,
  tokenFor,
} from "../../testing/server-process.js";
import { testBackends } from "../../testing/test-database.js";

/**
 * SIGKILL a real server process in the middle of an import and restart it: the job resumes at
 * its cursor and ends with the counts of an uninterrupted run. The fast run kills once 500
 * items are in; the chaos run (`pnpm test:chaos`) at a random point, several rounds, each
 * round a fresh shop and company.
 */
const ITEMS = 2500;
const ROUNDS = CHAOS ? 4 : 1;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testBackends())("an import survives the server being killed (%s)", (backend) => {
  let sandbox: RunningSandbox;
  let server: ServerProcess;
  let deployment: Deployment | undefined;
  let env: Record<string, string> = {};

  beforeAll(async () => {
    deployment = await startDeployment(backend, {
      IMPORT_LEASE_SECONDS: "2",
      IMPORT_PAGE_SIZE: "100",
      // Pages written in chunks (as on the embedded database), so kills land mid-page too.
      IMPORT_CHUNK_ROWS: "30",
    });
    ({ sandbox, server, env } = deployment);
  }, 60_000);
  afterAll(() => deployment?.stop());

  it.each(Array.from({ length: ROUNDS }, (_, i) => i + 1))(
    "resumes at its cursor after SIGKILL (round %i) and ends with exactly the counts of an uninterrupted run",
    async (round) => {
      const shop = `shop-crash-${round}`;
      const token = await tokenFor(env, shop);
      const api = <T>(path: string, init?: RequestInit) =>
        apiCall<T>(server.url, token, path, init);
      const job = (id: string) => api<ImportJob>(`/api/quickbooks/imports/${id}`);
      const { realmId } = await admin<{ realmId: string }>(sandbox, "POST", "/companies", {
        seed: `crash-${round}`,
        items: { inventory: ITEMS, nonInventory: 0, service: 0 },
        customers: 0,
        vendors: 5,
      });
      await connectThrough(server.url, token, realmId);

      // Slow QuickBooks down so the import takes seconds, then kill the process mid-way.
      await admin(sandbox, "POST", "/faults", { realmId, latencyMs: 300 });
      const started = await api<ImportJob>("/api/quickbooks/imports", {
        method: "POST",
        body: JSON.stringify({ category: "inventory" }),
      });
      // Fast: once 500 items are in. Chaos: at a random point, from before the first page on.
      const killAt = CHAOS ? Math.floor(Math.random() * 2000) : 500;
      let seen = started;
      while (seen.processed < killAt) {
        await sleep(30);
        seen = await job(started.id);
      }
      await server.kill("SIGKILL");
      expect(["queued", "running"]).toContain(seen.status);
      expect(seen.processed).toBeLessThan(ITEMS);

      await admin(sandbox, "DELETE", `/faults?realmId=${realmId}`);
      server.output = "";
      await server.start();
      let done = await job(started.id);
      for (const until = Date.now() + 30_000; ["queued", "running"].includes(done.status);) {
        if (Date.now() > until) throw new Error(`import still ${done.status}`);
        await sleep(100);
        done = await job(started.id);
      }
      expect(done).toMatchObject({
        status: "succeeded",
        total: ITEMS,
        processed: ITEMS,
        imported: ITEMS,
        updated: 0,
        skipped: 0,
      });
      if (seen.processed > 0)
        expect(server.output).toMatch(/"resumeAtPage":[1-9]\d*[^\n]*import resumed/);

      // No duplicates anywhere: one part per item, one record per item, one movement per part.
      const records = await api<{ items: { quickBooksId: string }[] }>(
        `/api/quickbooks/imports/${started.id}/records?limit=1000`,
      );
      expect(records.items).toHaveLength(1000);
      const csv = await fetch(`${server.url}/api/quickbooks/imports/${started.id}/records.csv`, {
        headers: { authorization: `Bearer ${token}` },
      }).then((r) => r.text());
      const ids = csv
        .trimEnd()
        .split("\r\n")
        .slice(1)
        .map((l) => l.split(",")[0]);
      expect(ids).toHaveLength(ITEMS);
      expect(new Set(ids).size).toBe(ITEMS);

      // Stop it the polite way (SIGTERM), then look at the rows themselves: one part per item.
      // (PGlite is one process's database: it is read only while the server is down.)
      await server.kill("SIGTERM");
      expect(server.child?.exitCode).toBe(0);
      const [row] = await queryDatabase<{ parts: number; refs: number; moves: number }>(
        env,
        `select
          (select count(*)::int from parts where shop_id = $1) as parts,
          (select count(distinct quickbooks_item_ref)::int from parts where shop_id = $1) as refs,
          (select count(*)::int from stock_movements where shop_id = $1) as moves`,
        [shop],
      );
      expect(row).toMatchObject({ parts: ITEMS, refs: ITEMS });
      expect(row!.moves).toBeLessThanOrEqual(ITEMS); // at most one "import" movement per created part
      await server.start();
    },
    120_000,
  );
});
