/**
 * The reconciliation proposal at scale (issue 21 §5), not part of `pnpm test` or `pnpm bench`:
 * a generated company of N inventory items, a shop of N parts (half share an item's SKU, half
 * don't), then the first read (reads QuickBooks, matches, stores, answers page 1 of each
 * section), a second read, a deep page, a refresh, and six owners at once after a refresh.
 *
 *   pnpm --filter @app/server exec tsx bench/reconciliation.ts [N=20000] [pglite|postgres]
 *
 * PostgreSQL needs DATABASE_URL. The app runs in this process (supertest), so resident memory
 * includes the sandbox's company.
 */
import { ReconciliationProposalSchema } from "@app/shared";
import { sql } from "drizzle-orm";
import request from "supertest";
import { connectShop } from "../src/testing/connect.js";
import { admin, startTestSandbox, stats } from "../src/testing/sandbox.js";
import { createTestApp } from "../src/testing/test-app.js";

const N = Number(process.argv[2] ?? 20_000);
const backend = (process.argv[3] ?? "pglite") as "pglite" | "postgres";
const shop = "bench-recon";
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

const sandbox = await startTestSandbox();
const t = await createTestApp(backend, { QBO_SANDBOX_URL: sandbox.url });
try {
  const { realmId } = await admin<{ realmId: string }>(sandbox, "POST", "/companies", {
    name: "Bench",
    seed: "bench-recon",
    items: { inventory: N, nonInventory: 0, service: 0 },
    customers: 0,
    vendors: 0,
  });
  if ((await connectShop(t, shop, realmId)).status !== 200) throw new Error("connect failed");
  const half = Math.floor(N / 2);
  await t.deps.db.execute(sql`
    insert into parts (shop_id, kind, description, part_number, cost, retail_cost, quantity_available)
    select ${shop}, 'inventory', 'Shop part ' || i,
           case when i <= ${half} then 'GEN-' || lpad(i::text, 6, '0') else 'SM-' || i end,
           5, 10, 3
      from generate_series(1, ${N}) as i`);
  const token = `Bearer ${await t.token(shop)}`;
  const get = async (path: string, method: "get" | "post" = "get") => {
    const started = performance.now();
    const res = await request(t.app)[method](path).set("authorization", token);
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`${path} → ${res.status} ${res.text.slice(0, 300)}`);
    return {
      ms,
      bytes: Buffer.byteLength(res.text),
      body: ReconciliationProposalSchema.parse(res.body),
    };
  };
  const calls = async () => (await stats(sandbox, realmId)).requests;
  const line = (what: string, r: { ms: number; bytes: number }, qbo: number) =>
    console.info(
      `${what.padEnd(44)} ${r.ms.toFixed(0).padStart(6)} ms ${(r.bytes / 1024).toFixed(1).padStart(8)} kB  QuickBooks calls: ${qbo}  rss ${mb(process.memoryUsage().rss)}`,
    );

  console.info(`reconciliation at ${N} items × ${N} parts on ${backend}`);
  let before = await calls();
  const rssBefore = process.memoryUsage().rss;
  const first = await get("/api/quickbooks/reconciliation");
  line("first read (compute, store, page 1 of each)", first, (await calls()) - before);
  console.info(
    `  totals: proposed ${first.body.proposed.total}, only in QuickBooks ${first.body.onlyInQuickBooks.total}, only in Shopmonkey ${first.body.onlyInShopmonkey.total}; rss +${mb(process.memoryUsage().rss - rssBefore)}`,
  );
  before = await calls();
  line(
    "second read (page 1 of each)",
    await get("/api/quickbooks/reconciliation"),
    (await calls()) - before,
  );
  before = await calls();
  line(
    "page 50 of two sections, 200 a page",
    await get(
      "/api/quickbooks/reconciliation?pageSize=200&proposedPage=50&onlyInShopmonkeyPage=50",
    ),
    (await calls()) - before,
  );
  before = await calls();
  line(
    "refresh",
    await get("/api/quickbooks/reconciliation/refresh", "post"),
    (await calls()) - before,
  );
  // Six owners at once with nothing stored: one computation.
  await t.deps.db.execute(sql`delete from reconciliation_proposals where shop_id = ${shop}`);
  before = await calls();
  const started = performance.now();
  const six = await Promise.all(
    Array.from({ length: 6 }, () => get("/api/quickbooks/reconciliation")),
  );
  console.info(
    `six first reads at once: ${(performance.now() - started).toFixed(0)} ms, ${new Set(six.map((r) => r.body.id)).size} computation(s), QuickBooks calls: ${(await calls()) - before}, rss ${mb(process.memoryUsage().rss)}`,
  );
} finally {
  await t.close();
  await sandbox.close();
}
