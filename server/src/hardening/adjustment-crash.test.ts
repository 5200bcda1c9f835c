import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type StockMovementList } from "@app/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSandbox, admin, startTestSandbox } from "../testing/sandbox.js";
import {
  ServerProcess,
  apiCall,
  connectThrough,
  deploymentEnv,
  freePort,
  processDatabase,
  queryDatabase,
  tokenFor,
} from "../testing/server-process.js";
import { testBackends } from "../testing/test-database.js";

/**
 * A real server process SIGKILLed after QuickBooks performed a stock adjustment and before the
 * process recorded it: a proxy in front of the sandbox forwards the adjustment, lets the
 * sandbox write it, and holds the answer; the test kills the process while it waits. The
 * restarted process must send the same requestid again (Intuit replays it): one adjustment.
 */
const SHOP = "shop-adjust-crash";
const ITEM = "2";

/** Forwards everything to the sandbox; adjustments, while `hold` is on, get no answer. */
async function startHoldingProxy(target: string) {
  let hold = false;
  let answered: () => void = () => undefined;
  let answeredOnce = new Promise<void>((r) => (answered = r));
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter(
            (e): e is [string, string] => typeof e[1] === "string" && e[0] !== "host",
          ),
        );
        const body = chunks.length ? Buffer.concat(chunks) : undefined;
        const upstream = await fetch(`${target}${req.url ?? "/"}`, {
          method: req.method,
          headers,
          body: req.method === "GET" || req.method === "HEAD" ? undefined : body,
          redirect: "manual",
        });
        const text = Buffer.from(await upstream.arrayBuffer());
        if (hold && req.method === "POST" && /\/inventoryadjustment\b/.test(req.url ?? "")) {
          answered(); // QuickBooks wrote it; our process never hears back
          return;
        }
        const out: Record<string, string> = {};
        upstream.headers.forEach((v, k) => {
          if (k !== "content-encoding" && k !== "content-length" && k !== "transfer-encoding")
            out[k] = v;
        });
        res.writeHead(upstream.status, out).end(text);
      })().catch(() => res.destroy());
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    holdAdjustments(on: boolean) {
      hold = on;
      if (on) answeredOnce = new Promise<void>((r) => (answered = r));
    },
    answered: () => answeredOnce,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe.each(testBackends())("a stock count killed mid-send (%s)", (backend) => {
  let sandbox: RunningSandbox;
  let proxy: Awaited<ReturnType<typeof startHoldingProxy>>;
  let server: ServerProcess;
  let db: Awaited<ReturnType<typeof processDatabase>>;
  let env: Record<string, string> = {};
  let token = "";
  let realmId = "";

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    proxy = await startHoldingProxy(sandbox.url);
    db = await processDatabase(backend);
    env = deploymentEnv(proxy.url, db.env);
    server = new ServerProcess(await freePort(), env);
    await server.start();
    token = await tokenFor(env, SHOP);
    ({ realmId } = await admin<{ realmId: string }>(sandbox, "POST", "/companies", {
      name: SHOP,
    }));
    await connectThrough(server.url, token, realmId);
    await apiCall(server.url, token, "/api/quickbooks/sync/settings", {
      method: "PUT",
      body: JSON.stringify({ category: "inventory", keepInSync: true }),
    });
  }, 90_000);
  afterAll(async () => {
    await server?.kill("SIGKILL");
    await proxy?.close();
    await sandbox?.close();
    await db?.drop();
  });

  const adjustments = () =>
    [...sandbox.state.companies.get(realmId)!.tables.InventoryAdjustment.values()].map(
      (r) =>
        (
          r.e.Line as {
            ItemAdjustmentLineDetail: { ItemRef: { value: string }; QtyDiff: number };
          }[]
        )[0]!.ItemAdjustmentLineDetail,
    );
  const qtyOnHand = () =>
    Number(sandbox.state.companies.get(realmId)!.get("Item", ITEM)!.e.QtyOnHand);

  it("reaches QuickBooks once and is shown as sent after the restart", async () => {
    const before = qtyOnHand();
    const part = await apiCall<{ id: string }>(server.url, token, "/api/inventory", {
      method: "POST",
      body: JSON.stringify({
        kind: "inventory",
        description: "Crash-counted part",
        quantityAvailable: String(before),
      }),
    });
    // Linked as an import would have (PGlite: only while the process is down).
    if (!env.DATABASE_URL) await server.kill("SIGTERM");
    await queryDatabase(
      env,
      `update parts set quickbooks_item_ref = $1, quickbooks_realm_id =
         (select realm_id from quickbooks_link_realms where shop_id = $2) where id = $3`,
      [ITEM, SHOP, part.id],
    );
    if (!env.DATABASE_URL) await server.start();

    proxy.holdAdjustments(true);
    await apiCall(server.url, token, `/api/inventory/${part.id}`, {
      method: "PATCH",
      body: JSON.stringify({ quantityAvailable: String(before + 5) }),
    });
    await proxy.answered();
    expect(adjustments()).toEqual([expect.objectContaining({ QtyDiff: 5 })]);
    await server.kill("SIGKILL");
    proxy.holdAdjustments(false);
    // The dead process's lease runs out, as it would while it stays down.
    await queryDatabase(
      env,
      "update quickbooks_stock_adjustments set lease_until = now() - interval '1 second'",
    );
    server.output = "";
    await server.start();

    const history = () =>
      apiCall<StockMovementList>(server.url, token, `/api/inventory/${part.id}/movements`);
    let seen = await history();
    for (const until = Date.now() + 30_000; seen.items[0]?.quickBooks?.status !== "sent";) {
      if (Date.now() > until) throw new Error(`still ${seen.items[0]?.quickBooks?.status}`);
      await new Promise((r) => setTimeout(r, 100));
      seen = await history();
    }
    expect(seen.items[0]).toMatchObject({
      delta: "5",
      quickBooks: { status: "sent", qtyDiff: "5" },
    });
    expect(adjustments()).toEqual([expect.objectContaining({ QtyDiff: 5 })]);
    expect(qtyOnHand()).toBe(before + 5);
    const after = await apiCall<{ quantityAvailable: string }>(
      server.url,
      token,
      `/api/inventory/${part.id}`,
    );
    expect(Number(after.quantityAvailable)).toBe(before + 5);
  }, 120_000);
});
