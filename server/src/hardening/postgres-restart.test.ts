import { mkdtempSync, rmSync } from "node:fs";
import type { ImportJob } from "@app/shared";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RestartablePostgres, restartablePostgres } from "../testing/private-postgres.js";
import { type RunningSandbox, admin, startTestSandbox } from "../testing/sandbox.js";
import {
  ServerProcess,
  apiCall,
  connectThrough,
  deploymentEnv,
  freePort,
  tokenFor,
} from "../testing/server-process.js";
import { testBackends } from "../testing/test-database.js";
import { CHAOS } from "./intensity.js";

/**
 * Restart PostgreSQL under a real server process in the middle of an import: the process
 * stays up, /readyz says "not ready" for the outage and "ready" after it, and the import ends
 * by itself with exactly the counts of an uninterrupted run. The PostgreSQL is a private
 * cluster (restarting it hurts no one), or a throwaway database cut off on the shared server
 * where no binaries run. PGlite is embedded in the process: there is no server to restart.
 */
const ITEMS = 1500;
const PAGE = 100;
const OUTAGE_MS = 2000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const backends = testBackends().filter((b) => b === "postgres");

interface Round {
  /**
   * `fast`: pg_ctl stop -m fast (sessions end cleanly), `immediate`: -m immediate (a crash,
   * recovery on start), both then started again; `terminate`: the server stays up and ends
   * every session of the app's database (as a failover or a pooler would).
   */
  mode: "fast" | "immediate" | "terminate";
  /** Items committed before the outage starts. */
  after: number;
  /** How long PostgreSQL stays down (0: a plain restart). */
  outageMs: number;
}
const MODES = ["fast", "immediate", "terminate"] as const;
// Fast run: each kind once after a few committed pages, the restarts with a held outage and
// without. Chaos: more rounds at random points, with outages of up to four seconds.
const rounds: Round[] = [
  { mode: "fast", after: 300, outageMs: OUTAGE_MS },
  { mode: "immediate", after: 300, outageMs: OUTAGE_MS },
  { mode: "fast", after: 300, outageMs: 0 },
  { mode: "immediate", after: 300, outageMs: 0 },
  { mode: "terminate", after: 300, outageMs: 0 },
  ...(CHAOS
    ? Array.from({ length: 9 }, (_, i) => {
        const mode = MODES[i % 3]!;
        return {
          mode,
          after: PAGE * Math.floor(Math.random() * (ITEMS / PAGE - 2)),
          outageMs: mode === "terminate" ? 0 : Math.floor(Math.random() * 4000),
        };
      })
    : []),
];

describe.each(backends)("PostgreSQL restarted in the middle of an import (%s)", () => {
  let sandbox: RunningSandbox;
  let postgres: RestartablePostgres;
  let server: ServerProcess;
  let env: Record<string, string> = {};
  let dataDir = "";

  async function query<T>(text: string, params: unknown[] = []): Promise<T[]> {
    const c = new pg.Client({ connectionString: postgres.url });
    await c.connect();
    try {
      return (await c.query(text, params)).rows as T[];
    } finally {
      await c.end();
    }
  }
  const ready = () =>
    fetch(`${server.url}/readyz`)
      .then((r) => r.status)
      .catch(() => 0);
  const alive = () => server.child?.exitCode === null && server.child.signalCode === null;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    postgres = await restartablePostgres();
    if (postgres.fallbackReason) console.warn(`postgres-restart: ${postgres.fallbackReason}`);
    dataDir = mkdtempSync("/tmp/qbo-pg-restart-");
    env = deploymentEnv(sandbox.url, {
      DATABASE_URL: postgres.url,
      DATA_DIR: dataDir,
      IMPORT_PAGE_SIZE: String(PAGE),
      IMPORT_LEASE_SECONDS: "2",
    });
    server = new ServerProcess(await freePort(), env);
    await server.start();
  }, 90_000);
  afterAll(async () => {
    await server?.kill("SIGKILL");
    await sandbox?.close();
    await postgres?.destroy();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(rounds.map((r, i) => ({ ...r, round: i + 1 })))(
    "round $round: $mode after $after items, down $outageMs ms: the import finishes by itself, exactly",
    async ({ mode, after, outageMs, round }) => {
      const shop = `shop-pg-restart-${round}`;
      const token = await tokenFor(env, shop);
      const { realmId } = await admin<{ realmId: string }>(sandbox, "POST", "/companies", {
        seed: `pg-restart-${round}`,
        items: { inventory: ITEMS, nonInventory: 0, service: 0 },
        customers: 0,
        vendors: 3,
      });
      await connectThrough(server.url, token, realmId);
      // Slow QuickBooks down so the import takes seconds and the outage lands in the middle.
      await admin(sandbox, "POST", "/faults", { realmId, latencyMs: 250 });
      const started = await apiCall<ImportJob>(server.url, token, "/api/quickbooks/imports", {
        method: "POST",
        body: JSON.stringify({ category: "inventory" }),
      });
      const job = () =>
        apiCall<ImportJob>(server.url, token, `/api/quickbooks/imports/${started.id}`);
      let seen = started;
      while (seen.processed < after) {
        if (seen.status !== "running" && seen.status !== "queued")
          throw new Error(`import ended before the outage: ${JSON.stringify(seen)}`);
        await sleep(20);
        seen = await job();
      }
      expect(seen.processed).toBeLessThan(ITEMS);

      const downAt = Date.now();
      if (mode === "terminate")
        await query(`select pg_terminate_backend(pid) from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid()`);
      else await postgres.stop(mode);
      let notReady = 0;
      do {
        if ((await ready()) === 503) notReady++;
        if (!alive()) throw new Error(`the server exited in the outage:\n${server.output}`);
        await sleep(100);
      } while (Date.now() - downAt < outageMs);
      if (mode !== "terminate") await postgres.start();
      const upAt = Date.now();
      // A plain restart may be over before /readyz is asked; any outage we held, it must see.
      if (outageMs >= 500) expect(notReady).toBeGreaterThan(0);
      while ((await ready()) !== 200) {
        if (Date.now() - upAt > 15_000) throw new Error(`not ready again:\n${server.output}`);
        await sleep(100);
      }
      const readyAfterMs = Date.now() - upAt;
      await admin(sandbox, "DELETE", `/faults?realmId=${realmId}`);

      // No retry, no new import: the same job finishes.
      let done = await job();
      for (const until = Date.now() + 45_000; ["running", "queued"].includes(done.status);) {
        if (Date.now() > until) throw new Error(`import still ${done.status}:\n${server.output}`);
        await sleep(100);
        done = await job();
      }
      if (!alive()) throw new Error(`the server exited:\n${server.output}`);
      const failures = server.output.split("\n").filter((l) => /"level":(40|50|60)/.test(l));
      expect(done, `warnings and errors:\n${failures.join("\n").slice(-6000)}`).toMatchObject({
        status: "succeeded",
        total: ITEMS,
        processed: ITEMS,
        imported: ITEMS,
        updated: 0,
        skipped: 0,
      });
      const [rows] = await query<{ parts: number; refs: number; records: number; ids: number }>(
        `select
          (select count(*)::int from parts where shop_id = $1) as parts,
          (select count(distinct quickbooks_item_ref)::int from parts where shop_id = $1) as refs,
          (select count(*)::int from import_records where job_id = $2) as records,
          (select count(distinct quickbooks_id)::int from import_records where job_id = $2) as ids`,
        [shop, started.id],
      );
      expect(rows).toEqual({ parts: ITEMS, refs: ITEMS, records: ITEMS, ids: ITEMS });
      const imports = await apiCall<{ items: ImportJob[] }>(
        server.url,
        token,
        "/api/quickbooks/imports",
      );
      expect(imports.items.map((j) => j.id)).toEqual([started.id]);
      console.info(
        `postgres-restart round ${round} (${postgres.kind}, ${mode}, down ${outageMs} ms): outage at ${seen.processed}/${ITEMS} items, ` +
          `${Date.now() - downAt} ms from outage to done, ready again after ${readyAfterMs} ms, ` +
          `${notReady} not-ready answers`,
      );
    },
    120_000,
  );
});

// Without DATABASE_URL the deployment's database is PGlite, inside the server process: there
// is no database server to restart (a SIGKILL of the process is imports.crash.test.ts).
if (backends.length === 0)
  describe("PostgreSQL restarts, on a PGlite deployment", () => {
    it("has no database server to restart: the process holds its database", async () => {
      const dataDir = mkdtempSync("/tmp/qbo-pg-restart-");
      const server = new ServerProcess(
        await freePort(),
        deploymentEnv("http://127.0.0.1:9", { DATA_DIR: dataDir }),
      );
      try {
        await server.start();
        const ready = await fetch(`${server.url}/readyz`).then((r) => r.json());
        expect(ready).toEqual({ status: "ready", database: "pglite" });
      } finally {
        await server.kill("SIGTERM");
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
