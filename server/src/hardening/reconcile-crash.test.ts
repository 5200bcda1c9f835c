import type { ExportJob, ImportJob, ReconciliationProposal, ReconciliationRun } from "@app/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSandbox, admin } from "../testing/sandbox.js";
import {
  type Deployment,
  type ServerProcess,
  apiCall,
  connectThrough,
  queryDatabase,
  startDeployment,
  tokenFor,
} from "../testing/server-process.js";
import { testBackends } from "../testing/test-database.js";
import { CHAOS } from "./intensity.js";

/**
 * SIGKILL a real server process in the middle of the reconciliation assistant's apply (while
 * the request links pairs and settles quantities; while the export it starts creates the
 * Shopmonkey-only parts in QuickBooks; while the imports that follow run), restart it, carry on
 * as the user would (no answer: apply again; an answer: watch its export), and compare both
 * systems with what an uninterrupted run leaves. The database is read only while the process
 * is down (PGlite allows one process in its directory).
 */
const PAIRS = 6; // matched by Sku: linked by the request, quantities taken from QuickBooks
const ONLY_QBO = 15; // imported after the export
const ONLY_SM = 40; // created in QuickBooks by the export: two batches (30 and 10)
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * apply: in the request (no answer: the user applies again). export: in its export, after the
 * first batch (the user watches the run's export). reapply: the same, but the user reloaded
 * and applies again instead. random: at a random moment of the whole run.
 */
type Point = "apply" | "export" | "reapply" | "random";
const rounds = (
  [
    "apply",
    "export",
    "reapply",
    ...(CHAOS ? Array.from({ length: 5 }, () => "random" as const) : []),
  ] satisfies Point[]
).map((point, i) => ({ point, round: i + 1 }));

describe.each(testBackends())("a reconciliation killed mid-apply (%s)", (backend) => {
  let sandbox: RunningSandbox;
  let server: ServerProcess;
  let deployment: Deployment | undefined;
  let env: Record<string, string> = {};

  /** Rows as the database holds them; the server process must be down (PGlite: one process). */
  async function query<T>(text: string): Promise<T[]> {
    const child = server.child;
    if (child && child.exitCode === null && child.signalCode === null)
      throw new Error("read the database with the server down");
    return queryDatabase<T>(env, text);
  }

  beforeAll(async () => {
    deployment = await startDeployment(backend, {
      IMPORT_LEASE_SECONDS: "2",
      IMPORT_PAGE_SIZE: "20",
    });
    ({ sandbox, server, env } = deployment);
  }, 90_000);
  afterAll(() => deployment?.stop());

  it.each(rounds)(
    "killed in the $point (round $round): every part linked once, every item once on both sides",
    async ({ point, round }) => {
      const shop = `shop-recon-crash-${round}`;
      const token = await tokenFor(env, shop);
      const call = <T>(path: string, init?: RequestInit) =>
        apiCall<T>(server.url, token, path, init);
      const { realmId } = await admin<{ realmId: string }>(sandbox, "POST", "/companies", {
        seed: `recon-crash-${backend}-${round}`,
        items: { inventory: PAIRS + ONLY_QBO, nonInventory: 0, service: 0 },
        customers: 0,
        vendors: 2,
      });
      await connectThrough(server.url, token, realmId);
      const company = sandbox.state.companies.get(realmId)!;
      const itemsNow = () =>
        [...company.tables.Item.values()].map(
          (r) => r.e as { Id: string; Name: string; Sku: string; QtyOnHand: number },
        );
      const before = itemsNow();
      const paired = before.slice(0, PAIRS);
      // Shopmonkey side: a part per paired item (same Sku, another name and quantity), and
      // parts QuickBooks doesn't have.
      const pairPart = new Map<string, string>(); // part id → item id
      for (const item of paired) {
        const part = await call<{ id: string }>("/api/inventory", {
          method: "POST",
          body: JSON.stringify({
            kind: "inventory",
            description: `Shop's own name for ${item.Sku}`,
            partNumber: item.Sku,
            retailCost: "9",
            quantityAvailable: "1",
          }),
        });
        pairPart.set(part.id, item.Id);
      }
      const onlySmNames: string[] = [];
      for (let i = 0; i < ONLY_SM; i++) {
        onlySmNames.push(`R${round} shop-only part ${i}`);
        await call("/api/inventory", {
          method: "POST",
          body: JSON.stringify({
            kind: i % 2 ? "inventory" : "non_inventory",
            description: onlySmNames[i],
            partNumber: `R${round}-SO-${i}`,
            retailCost: "5",
            ...(i % 2 ? { quantityAvailable: "2" } : {}),
          }),
        });
      }
      const proposal = await call<ReconciliationProposal>(
        "/api/quickbooks/reconciliation?pageSize=200",
      );
      expect(proposal.proposed.items.map((p) => [p.part.id, p.item.id]).sort()).toEqual(
        [...pairPart].sort(),
      );
      expect(proposal.onlyInShopmonkey.total).toBe(ONLY_SM);
      expect(proposal.onlyInQuickBooks.total).toBe(ONLY_QBO);
      const body = JSON.stringify({
        pairs: proposal.proposed.items.map((p) => ({
          partId: p.part.id,
          quickBooksId: p.item.id,
          quantityFrom: "quickbooks",
        })),
        importOnlyInQuickBooks: true,
        createOnlyInShopmonkey: true,
      });

      // Slow QuickBooks down: the request reads every paired item (seconds), the export's
      // batches take their time; then kill the process at the round's point.
      await admin(sandbox, "POST", "/faults", { realmId, latencyMs: 200 });
      const startedAt = Date.now();
      let answer: ReconciliationRun | undefined;
      const applying = call<ReconciliationRun>("/api/quickbooks/reconciliation", {
        method: "POST",
        body,
      }).then(
        (run) => (answer = run),
        () => undefined, // the process died under it
      );
      if (point === "apply") {
        await sleep(800); // linked, settling quantities one item at a time
        expect(answer).toBeUndefined();
      } else if (point === "export" || point === "reapply") {
        await applying;
        expect(answer?.exportId).toBeDefined();
        for (let job = await call<ExportJob>(`/api/quickbooks/exports/${answer!.exportId}`); ;) {
          if (job.processed > 0) break; // the first batch is committed, the rest in flight
          if (job.status !== "running" && job.status !== "queued")
            throw new Error(`export ended before the kill: ${JSON.stringify(job)}`);
          await sleep(20);
          job = await call<ExportJob>(`/api/quickbooks/exports/${answer!.exportId}`);
        }
      } else await sleep(Math.floor(Math.random() * 6000));
      await server.kill("SIGKILL");
      await applying;
      const killedAfterMs = Date.now() - startedAt;

      // While it is down, its leases run out (the next reader of the export resumes it).
      await query("update quickbooks_exports set lease_expires_at = now() - interval '1 second'");
      await admin(sandbox, "DELETE", `/faults?realmId=${realmId}`);
      server.output = "";
      await server.start();

      // The user carries on: with no answer in hand they apply again (an export still running
      // is a 409 to wait out); with one they watch the run's export.
      let run = point === "reapply" ? undefined : answer;
      for (const until = Date.now() + 30_000; !run;) {
        const res = await fetch(`${server.url}/api/quickbooks/reconciliation`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body,
        });
        if (res.status === 201) run = (await res.json()) as ReconciliationRun;
        else if (res.status === 409 && Date.now() < until) await sleep(250);
        else throw new Error(`apply again → ${res.status} ${await res.text()}\n${server.output}`);
      }
      if (run.exportId) {
        let job = await call<ExportJob>(`/api/quickbooks/exports/${run.exportId}`);
        for (const until = Date.now() + 30_000; ["queued", "running"].includes(job.status);) {
          if (Date.now() > until) throw new Error(`export still ${job.status}:\n${server.output}`);
          await sleep(100);
          job = await call<ExportJob>(`/api/quickbooks/exports/${run.exportId}`);
        }
        expect(job.status).toBe("succeeded");
      }
      for (const until = Date.now() + 30_000; ; await sleep(100)) {
        const { items } = await call<{ items: ImportJob[] }>("/api/quickbooks/imports");
        if (items.length >= 2 && items.every((j) => !["queued", "running"].includes(j.status)))
          break;
        if (Date.now() > until)
          throw new Error(`imports not settled: ${JSON.stringify(items)}\n${server.output}`);
      }

      // QuickBooks: the items it had, and one new item per Shopmonkey-only part.
      const after = itemsNow();
      const names = after.map((i) => i.Name);
      expect(after).toHaveLength(PAIRS + ONLY_QBO + ONLY_SM);
      expect(new Set(names).size).toBe(names.length);
      for (const name of onlySmNames) expect(names).toContain(name);
      const itemIdByName = new Map(after.map((i) => [i.Name, i.Id]));

      // Shopmonkey, read with the process down: every part linked to a distinct item, nothing twice.
      await server.kill("SIGTERM");
      const parts = await query<{ id: string; description: string; ref: string | null; q: string }>(
        `select id, description, quickbooks_item_ref as ref, quantity_available::text as q
           from parts where shop_id = '${shop}'`,
      );
      expect(parts).toHaveLength(PAIRS + ONLY_SM + ONLY_QBO);
      const refs = parts.map((p) => p.ref);
      expect(refs.every((r) => r !== null)).toBe(true);
      expect(new Set(refs).size).toBe(parts.length);
      expect(new Set(refs)).toEqual(new Set(after.map((i) => i.Id)));
      for (const [partId, itemId] of pairPart) {
        const part = parts.find((p) => p.id === partId)!;
        expect(part.ref).toBe(itemId);
        expect(Number(part.q)).toBe(Number(company.get("Item", itemId)!.e.QtyOnHand));
      }
      for (const name of onlySmNames)
        expect(parts.find((p) => p.description === name)?.ref).toBe(itemIdByName.get(name));
      const exports = await query<{ status: string; created: number }>(
        `select status, created from quickbooks_exports where shop_id = '${shop}'`,
      );
      expect(exports.every((e) => e.status === "succeeded")).toBe(true);
      expect(exports.reduce((n, e) => n + e.created, 0)).toBe(ONLY_SM);
      const imports = await query<{ status: string; category: string; imported: number }>(
        `select status, category, imported from import_jobs where shop_id = '${shop}'`,
      );
      expect(imports.every((j) => j.status === "succeeded")).toBe(true);
      expect(imports.reduce((n, j) => n + j.imported, 0)).toBe(ONLY_QBO);
      console.info(
        `reconcile-crash ${backend} round ${round}: killed in the ${point} after ${killedAfterMs} ms ` +
          `(${run === answer ? "answered" : "applied again"}), ${exports.length} export(s)`,
      );
      if (round < rounds.length) await server.start(); // for the next round
    },
    120_000,
  );
});
