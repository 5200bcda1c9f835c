import { createHmac } from "node:crypto";
import type { ImportJob, Order, OrderList } from "@app/shared";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAPPING } from "../testing/orders-harness.js";
import { updateEntity } from "../qbo-sandbox/entities/entity-operations.js";
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
const INVOICE_SHOP = "shop-scale-invoices";
const ORDERS = CHAOS ? 60 : 20;
const RESENT = CHAOS ? 12 : 4; // of which sent, edited and re-sent before being invoiced
const RATE_500 = CHAOS ? 0.2 : 0.1;
const OIL_FILTER = "1"; // demo company Inventory items (QtyOnHand 48 and 26)
const WIPER = "11";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Intuit's signed change notification for some items of one company. */
function notification(realmId: string, itemIds: string[]) {
  const body = JSON.stringify({
    eventNotifications: [
      {
        realmId,
        dataChangeEvent: {
          entities: itemIds.map((id) => ({
            name: "Item",
            id,
            operation: "Update",
            lastUpdated: new Date().toISOString(),
          })),
        },
      },
    ],
  });
  const signature = createHmac("sha256", VERIFIER).update(body, "utf8").digest("base64");
  return { body, signature };
}

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
      // Every call reached QuickBooks. Other work for this company may land in the same window
      // (the sync's background passes run every 0.5 s here; a call refused once and retried).
      expect(after.requests - before.requests).toBeGreaterThanOrEqual(2 * BURST);
      // The pace itself is `pnpm bench`'s to measure: a stopwatch here fails on a busy machine.
      console.info(`[scale-out] ${2 * BURST} calls across both processes took ${took} ms`);
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
      const { body, signature } = notification(realmId, [part.ref]);
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

    it(`sends ${ORDERS} invoices raced across both processes under 500s: one invoice each, stock moved once on both sides`, async () => {
      const began = Date.now();
      const shopToken = await tokenFor(env, INVOICE_SHOP);
      // A request that never answers fails here, naming itself, not as the test's timeout.
      const call = <T>(p: ServerProcess, path: string, init: RequestInit = {}) =>
        apiCall<T>(p.url, shopToken, path, { signal: AbortSignal.timeout(30_000), ...init });
      // The same request on both processes at the same moment (a double submit, no sticky routing).
      const raced = async (path: string) => {
        const answers = await Promise.all(
          both().map((p) =>
            fetch(`${p.url}${path}`, {
              method: "POST",
              headers: { authorization: `Bearer ${shopToken}` },
              signal: AbortSignal.timeout(30_000),
            }),
          ),
        );
        return Promise.all(answers.map(async (r) => ({ status: r.status, body: await r.json() })));
      };
      let racing = 0;
      const { realmId: realm } = await admin<{ realmId: string }>(sandbox, "POST", "/companies", {
        name: INVOICE_SHOP,
      });
      await connectThrough(b.url, shopToken, realm);
      await call(a, "/api/quickbooks/accounting", {
        method: "PUT",
        body: JSON.stringify({ categoryItems: MAPPING, autoSendInvoices: true }),
      });
      // Parts linked as a shop links them: an inventory import (which also keeps them in sync).
      const imported = await call<ImportJob>(b, "/api/quickbooks/imports", {
        method: "POST",
        body: JSON.stringify({ category: "inventory" }),
      });
      for (let job = imported, i = 0; job.status !== "succeeded"; i++) {
        if (job.status === "failed" || job.status === "canceled" || Date.now() - began > 20_000)
          throw new Error(`import ${job.status}`);
        await sleep(100);
        job = await call<ImportJob>(both()[i % 2]!, `/api/quickbooks/imports/${imported.id}`);
      }
      const { rows: linked } = await sql.query<{ id: string; ref: string; q: string }>(
        `select id, quickbooks_item_ref as ref, quantity_available::text as q from parts
         where shop_id = $1 and quickbooks_item_ref = any($2)`,
        [INVOICE_SHOP, [OIL_FILTER, WIPER]],
      );
      const oil = linked.find((p) => p.ref === OIL_FILTER)!;
      const wiper = linked.find((p) => p.ref === WIPER)!;
      const company = sandbox.state.companies.get(realm)!;
      const onHand = (id: string) => Number(company.get("Item", id)!.e.QtyOnHand);
      const qboBefore = { oil: onHand(OIL_FILTER), wiper: onHand(WIPER) };
      const customers: string[] = [];
      for (let c = 0; c < 3; c++) {
        const { rows } = await sql.query<{ id: string }>(
          `insert into customers (shop_id, first_name, last_name, email)
           values ($1, 'Scale', $2, $3) returning id`,
          [INVOICE_SHOP, `Customer ${c}`, `scale-${c}@example.com`],
        );
        customers.push(rows[0]!.id);
      }

      // Every order sells Oil Filter, every other one a wiper too, plus labor (a mapped item).
      const oilQty = Array.from({ length: ORDERS }, (_, i) => 1 + (i % 3));
      const linesOf = (i: number) => [
        { kind: "part", partId: oil.id, quantity: String(oilQty[i]) },
        ...(i % 2 === 0 ? [{ kind: "part", partId: wiper.id, quantity: "1" }] : []),
        { kind: "labor", description: "Labor", quantity: "1", unitPrice: "95" },
      ];
      const made = await Promise.all(
        Array.from({ length: ORDERS }, (_, i) =>
          call<Order>(both()[i % 2]!, "/api/orders", {
            method: "POST",
            body: JSON.stringify({ customerId: customers[i % 3], lines: linesOf(i) }),
          }),
        ),
      );
      expect(new Set(made.map((o) => o.number)).size).toBe(ORDERS);

      await admin(sandbox, "POST", "/faults", {
        realmId: realm,
        rate500: RATE_500,
        latencyMs: 150,
      });
      const before = await stats(sandbox, realm);
      const sendsBegan = Date.now();
      const settle = async (ids: string[], timeoutMs: number) => {
        const wanted = new Set(ids);
        for (let i = 0, until = Date.now() + timeoutMs; ; i++) {
          const { items } = await call<OrderList>(both()[i % 2]!, "/api/orders?limit=200");
          const mine = items.filter((o) => wanted.has(o.id));
          const pending = mine.filter((o) => o.quickBooks.status === "pending");
          if (mine.length === wanted.size && pending.length === 0) return mine;
          if (Date.now() > until)
            throw new Error(`still pending: ${pending.map((o) => o.number).join(", ")}`);
          await sleep(200);
        }
      };

      // "Send now" on open orders, on both processes at once; then an edit and "Re-send", raced.
      const resent = made.slice(0, RESENT);
      for (const pair of await Promise.all(
        resent.map((o) => raced(`/api/orders/${o.id}/quickbooks`)),
      ))
        expect(pair.map((r) => r.status)).toEqual([200, 200]);
      racing += 2 * RESENT;
      for (const o of await settle(
        resent.map((o) => o.id),
        30_000,
      ))
        expect(o.quickBooks.status).toBe("sent");
      for (const [i, o] of resent.entries()) {
        oilQty[i] = oilQty[i]! + 2;
        const edited = await call<Order>(both()[i % 2]!, `/api/orders/${o.id}`, {
          method: "PATCH",
          body: JSON.stringify({ lines: linesOf(i) }),
        });
        expect(edited.quickBooks.status).toBe("out_of_date");
      }
      for (const pair of await Promise.all(
        resent.map((o) => raced(`/api/orders/${o.id}/quickbooks`)),
      ))
        expect(pair.map((r) => r.status)).toEqual([200, 200]);
      racing += 2 * RESENT;

      // Every order invoiced on both processes at once, all orders together (auto-send is on).
      const invoiced = await Promise.all(made.map((o) => raced(`/api/orders/${o.id}/invoice`)));
      racing += 2 * ORDERS;
      for (const [first, second] of invoiced) {
        // The documented answer to a second invoice: 200 with the same invoiced order.
        expect([first!.status, second!.status]).toEqual([200, 200]);
        const [x, y] = [first!.body as Order, second!.body as Order];
        expect(x.status).toBe("invoiced");
        expect(y).toMatchObject({ id: x.id, status: "invoiced", invoicedAt: x.invoicedAt });
      }
      const final = await settle(
        made.map((o) => o.id),
        CHAOS ? 120_000 : 30_000,
      );
      const sendsTook = Date.now() - sendsBegan;
      await admin(sandbox, "DELETE", `/faults?realmId=${realm}`);
      const after = await stats(sandbox, realm);
      const byNumber = (x: { number: number }, y: { number: number }) => x.number - y.number;
      expect(final.sort(byNumber).map((o) => [o.number, o.status, o.quickBooks.status])).toEqual(
        [...made].sort(byNumber).map((o) => [o.number, "invoiced", "sent"]),
      );

      // Intuit tells both processes (twice) that the items changed: our own change, applied 0 times.
      const { body, signature } = notification(realm, [OIL_FILTER, WIPER]);
      for (const p of [...both(), ...both()]) {
        const r = await fetch(`${p.url}/api/quickbooks/webhooks`, {
          method: "POST",
          headers: { "content-type": "application/json", "intuit-signature": signature },
          body,
          signal: AbortSignal.timeout(30_000),
        });
        expect(r.status).toBe(200);
      }
      for (const until = Date.now() + 15_000; ; await sleep(200)) {
        const { rows } = await sql.query<{ n: number }>(
          "select count(*)::int as n from sync_pending where shop_id = $1",
          [INVOICE_SHOP],
        );
        if (rows[0]!.n === 0) break;
        if (Date.now() > until) throw new Error("the item changes were never processed");
      }
      await sleep(1000); // a few more ticks of both workers

      // QuickBooks: one invoice per order, by DocNumber, and no other invoice of ours.
      const text = (v: unknown) => (typeof v === "string" ? v : "");
      const invoices = [...company.tables.Invoice.values()].map((r) => r.e);
      const numbers = new Set(made.map((o) => String(o.number)));
      const ours = invoices.filter((e) => numbers.has(text(e.DocNumber)));
      expect(ours).toHaveLength(ORDERS);
      expect(new Set(ours.map((e) => e.DocNumber)).size).toBe(ORDERS);
      expect(invoices.filter((e) => text(e.PrivateNote).includes("Shopmonkey order"))).toHaveLength(
        ORDERS,
      );
      for (const o of final)
        expect(ours.find((e) => e.DocNumber === String(o.number))?.Id).toBe(o.quickBooks.invoiceId);
      const customersInQbo = [...company.tables.Customer.values()].filter((r) =>
        text(r.e.Notes).includes("Shopmonkey customer"),
      );
      expect(customersInQbo).toHaveLength(customers.length);
      // Both sides moved once, by the final quantities (re-sent orders by the difference).
      const sold = {
        oil: oilQty.reduce((s, q) => s + q, 0),
        wiper: Math.ceil(ORDERS / 2),
      };
      expect(onHand(OIL_FILTER)).toBe(qboBefore.oil - sold.oil);
      expect(onHand(WIPER)).toBe(qboBefore.wiper - sold.wiper);
      const { rows: stock } = await sql.query<{ id: string; q: string }>(
        "select id, quantity_available::text as q from parts where id = any($1)",
        [[oil.id, wiper.id]],
      );
      const qtyOf = (id: string) => Number(stock.find((p) => p.id === id)!.q);
      expect(qtyOf(oil.id)).toBe(Number(oil.q) - sold.oil);
      expect(qtyOf(wiper.id)).toBe(Number(wiper.q) - sold.wiper);
      const { rows: moves } = await sql.query<{ reference: string; n: number }>(
        `select reference, count(*)::int as n from stock_movements
         where shop_id = $1 and reason = 'invoice' group by reference`,
        [INVOICE_SHOP],
      );
      expect(moves).toHaveLength(ORDERS);
      expect(moves.reduce((s, m) => s + m.n, 0)).toBe(ORDERS + Math.ceil(ORDERS / 2));
      // The sync was told of every quantity QuickBooks moved for us, once, and nothing is left in flight.
      const { rows: own } = await sql.query<{ ref: string; status: string; total: string }>(
        `select item_ref as ref, status, sum(quantity_delta)::text as total from sync_own_writes
         where shop_id = $1 group by item_ref, status order by item_ref, status`,
        [INVOICE_SHOP],
      );
      expect(own.filter((w) => w.status === "in_flight")).toEqual([]);
      const ownTotal = (ref: string) =>
        own
          .filter((w) => w.ref === ref && w.status !== "failed")
          .reduce((s, w) => s + Number(w.total), 0);
      expect(ownTotal(OIL_FILTER)).toBe(-sold.oil);
      expect(ownTotal(WIPER)).toBe(-sold.wiper);
      const { rows: leftovers } = await sql.query<{ n: number }>(
        `select count(*)::int as n from orders where shop_id = $1
         and (qbo_pending is not null or qbo_sent_revision <> revision)`,
        [INVOICE_SHOP],
      );
      expect(leftovers[0]!.n).toBe(0);

      // Intuit's limits held for the company across both processes, 500s and all.
      const requests = after.requests - before.requests;
      expect(after.maxInFlight).toBeLessThanOrEqual(10);
      expect(after.throttled - before.throttled).toBe(0);
      const faults = Math.floor(requests * RATE_500);
      expect(faults).toBeGreaterThan(0);
      console.info(
        `[hardening] scale-out invoices: ${ORDERS} orders, ${racing} raced requests, ` +
          `${requests} QuickBooks calls with ${faults} injected 500s, max ${after.maxInFlight} in flight, ` +
          `sends settled in ${sendsTook} ms, test ${Date.now() - began} ms`,
      );
    }, 120_000);
  });
}

if (process.env.DATABASE_URL) scaleOutSuite();

// PGlite is one process's embedded database: a second server on its directory must stop with
// a clear answer instead of sharing it (two processes on one PGlite lose commits on a crash).
describe("two server processes on one PGlite directory", () => {
  it("refuses the second, naming the process that holds the database", async () => {
    const db = await processDatabase("pglite");
    const env = deploymentEnv("http://127.0.0.1:9", db.env);
    const first = new ServerProcess(await freePort(), env);
    const second = new ServerProcess(await freePort(), env);
    try {
      await first.start();
      await expect(second.start()).rejects.toThrow(`is in use by process ${first.child?.pid}`);
      expect(await fetch(`${first.url}/readyz`).then((r) => r.status)).toBe(200);
    } finally {
      await second.kill("SIGKILL");
      await first.kill("SIGTERM");
      await db.drop();
    }
  }, 300_000); // a ceiling: each boot may take up to 120 s on a busy machine
});
