import type { ExportJob, Order } from "@app/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAPPING } from "../testing/orders-harness.js";
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
 * SIGKILL a real server process in the middle of an export to QuickBooks and of an invoice
 * send, restart it, and compare both systems with what an uninterrupted run leaves. (The import's
 * own kill-and-resume test is imports.crash.test.ts.) The fast run kills at one point each;
 * the chaos run at a random moment, several rounds. Both databases, every run: PGlite once
 * lost its last commits here (see db/pglite-lock.ts).
 */
const SHOP = "shop-crash";
const PARTS = 70; // three export batches of 30
const ROUNDS = CHAOS ? 3 : 1;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testBackends())("crash and restart (%s)", (backend) => {
  let sandbox: RunningSandbox;
  let server: ServerProcess;
  let deployment: Deployment | undefined;
  let env: Record<string, string> = {};
  let token = "";
  let realmId = "";
  let linkedPart: string | undefined;

  /** Rows as the database holds them (on PGlite only while the server is down: `offline`). */
  const query = <T>(text: string, params: unknown[] = []) => queryDatabase<T>(env, text, params);

  async function offline<T>(read: () => Promise<T>): Promise<T> {
    if (env.DATABASE_URL) return read();
    await server.kill("SIGTERM");
    try {
      return await read();
    } finally {
      await server.start();
    }
  }

  /** The process is dead; let its leases run out, as they would while it stays down. */
  async function leasesRunOut() {
    await query("update quickbooks_exports set lease_expires_at = now() - interval '1 second'");
    await query("update orders set qbo_lease_until = now() - interval '1 second'");
  }

  async function restart() {
    await server.kill("SIGKILL");

    await leasesRunOut();
    server.output = "";
    await server.start();
  }

  beforeAll(async () => {
    deployment = await startDeployment(backend);
    ({ sandbox, server, env } = deployment);
    token = await tokenFor(env, SHOP);
    ({ realmId } = await admin<{ realmId: string }>(sandbox, "POST", "/companies", {
      name: SHOP,
    }));
    await connectThrough(server.url, token, realmId);
    await apiCall(server.url, token, "/api/quickbooks/accounting", {
      method: "PUT",
      body: JSON.stringify({ categoryItems: MAPPING, autoSendInvoices: true }),
    });
  }, 90_000);
  afterAll(() => deployment?.stop());

  it.each(Array.from({ length: ROUNDS }, (_, i) => i + 1))(
    "an export killed mid-run (round %i) creates every part in QuickBooks exactly once",
    async (round) => {
      const prefix = `R${round}-`;
      const ids: string[] = [];
      for (let i = 0; i < PARTS; i++) {
        const made = await apiCall<{ id: string }>(server.url, token, "/api/inventory", {
          method: "POST",
          body: JSON.stringify({
            kind: "non_inventory",
            description: `${prefix}crash part ${i}`,
            partNumber: `${prefix}CP-${i}`,
            retailCost: "5",
          }),
        });
        ids.push(made.id);
      }
      await admin(sandbox, "POST", "/faults", { realmId, latencyMs: 400 });
      const started = await apiCall<ExportJob>(server.url, token, "/api/quickbooks/exports", {
        method: "POST",
        body: JSON.stringify({ partIds: ids }),
      });
      // Fast: kill once the first batch is committed. Chaos: at a random moment of the run.
      if (CHAOS) await sleep(Math.floor(Math.random() * 1500));
      else
        for (let seen = started; seen.processed === 0; await sleep(20))
          seen = await apiCall<ExportJob>(
            server.url,
            token,
            `/api/quickbooks/exports/${started.id}`,
          );
      await restart();
      await admin(sandbox, "DELETE", `/faults?realmId=${realmId}`);
      // Nobody asks for the export again: the restarted process's export worker must resume it.
      const listed = async () =>
        (
          await apiCall<{ items: ExportJob[] }>(server.url, token, "/api/quickbooks/exports")
        ).items.find((e) => e.id === started.id)!;
      let job = await listed();
      for (
        const until = Date.now() + 30_000;
        job.status === "running" || job.status === "queued";
      ) {
        if (Date.now() > until) throw new Error(`export still ${job.status}`);
        await sleep(100);
        job = await listed();
      }
      expect(job).toMatchObject({
        status: "succeeded",
        total: PARTS,
        processed: PARTS,
        created: PARTS,
      });
      // QuickBooks: one item per part. Shopmonkey: every part linked, to distinct items.
      const company = sandbox.state.companies.get(realmId)!;
      const made = [...company.tables.Item.values()].filter(
        (r) => typeof r.e.Name === "string" && r.e.Name.startsWith(`${prefix}crash part`),
      );
      expect(made).toHaveLength(PARTS);
      const [links] = await offline(() =>
        query<{ linked: number; refs: number }>(
          `select count(quickbooks_item_ref)::int as linked, count(distinct quickbooks_item_ref)::int as refs
         from parts where shop_id = $1 and part_number like $2`,
          [SHOP, `${prefix}%`],
        ),
      );
      expect(links).toEqual({ linked: PARTS, refs: PARTS });
    },
    120_000,
  );

  it.each(Array.from({ length: ROUNDS }, (_, i) => i + 1))(
    "an invoice send killed mid-write (round %i) reaches QuickBooks once and moves stock once on both sides",
    async (round) => {
      const item = sandbox.state.companies.get(realmId)!.get("Item", "1")!.e; // Oil Filter
      const qboBefore = Number(item.QtyOnHand);
      // One part linked to Oil Filter for every round (a QuickBooks item links to one part),
      // and a customer per round: written straight to the database, as an import would have.
      if (!linkedPart) {
        const made = await apiCall<{ id: string }>(server.url, token, "/api/inventory", {
          method: "POST",
          body: JSON.stringify({
            kind: "inventory",
            description: "Oil filter",
            retailCost: "8.99",
            quantityAvailable: "40",
          }),
        });
        linkedPart = made.id;
      }
      const part = { id: linkedPart };
      const customer = await offline(async () => {
        await query(
          `update parts set quickbooks_item_ref = '1', quickbooks_realm_id =
             (select realm_id from quickbooks_link_realms where shop_id = $2) where id = $1`,
          [part.id, SHOP],
        );
        await query(
          "insert into customers (shop_id, first_name, last_name) values ($1, 'Crash', $2)",
          [SHOP, `Customer ${round}`],
        );
        const [row] = await query<{ id: string }>(
          "select id from customers where shop_id = $1 and last_name = $2",
          [SHOP, `Customer ${round}`],
        );
        return row!;
      });
      const stockOf = async () =>
        Number(
          (
            await apiCall<{ quantityAvailable: string }>(
              server.url,
              token,
              `/api/inventory/${part.id}`,
            )
          ).quantityAvailable,
        );
      const shopBefore = await stockOf();
      const order = await apiCall<Order>(server.url, token, "/api/orders", {
        method: "POST",
        body: JSON.stringify({
          customerId: customer.id,
          lines: [{ kind: "part", partId: part.id, quantity: "3" }],
        }),
      });
      await admin(sandbox, "POST", "/faults", { realmId, latencyMs: 600 });
      await apiCall<Order>(server.url, token, `/api/orders/${order.id}/invoice`, {
        method: "POST",
      });
      await sleep(CHAOS ? Math.floor(Math.random() * 2000) : 300);
      if (!CHAOS) {
        const before = await apiCall<Order>(server.url, token, `/api/orders/${order.id}`);
        expect(before.quickBooks.status).toBe("pending"); // killed with the write in flight
      }
      await restart();
      await admin(sandbox, "DELETE", `/faults?realmId=${realmId}`);
      let seen = await apiCall<Order>(server.url, token, `/api/orders/${order.id}`);
      for (const until = Date.now() + 30_000; seen.quickBooks.status === "pending";) {
        if (Date.now() > until) throw new Error("send still pending");
        await sleep(100);
        seen = await apiCall<Order>(server.url, token, `/api/orders/${order.id}`);
      }
      expect(seen.quickBooks.status).toBe("sent");
      const company = sandbox.state.companies.get(realmId)!;
      const invoices = [...company.tables.Invoice.values()].filter(
        (r) => r.e.DocNumber === String(order.number),
      );
      expect(invoices).toHaveLength(1);
      expect(Number(company.get("Item", "1")!.e.QtyOnHand)).toBe(qboBefore - 3);
      expect(await stockOf()).toBe(shopBefore - 3);
    },
    120_000,
  );
});
