/**
 * Times the inventory list at 100,000 parts on PostgreSQL, through the real repository code.
 * Creates a scratch database beside DATABASE_URL, fills it with generate_series, and drops it.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx scripts/bench-parts-list.ts
 */
import { randomBytes } from "node:crypto";
import { type PartListQuery, PartListQuerySchema } from "@app/shared";
import { sql } from "drizzle-orm";
import pg from "pg";
import { openDatabase } from "../src/db/client.js";
import { listParts } from "../src/features/inventory/parts.repository.js";

const PARTS = Number(process.env.BENCH_PARTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const base = process.env.DATABASE_URL;
if (!base) throw new Error("DATABASE_URL is required");

const WORDS = `'{Oil,Brake,Wiper,Spark,Battery,Filter,Rotor,Pad,Belt,Hose,Sensor,Bulb,Pump,Gasket,
  Bearing,Axle,Mirror,Fluid,Coolant,Thermostat,Valve,Clamp,Bracket,Switch,Relay}'::text[]`;

async function fill(db: Awaited<ReturnType<typeof openDatabase>>["db"]) {
  await db.execute(sql`insert into shops (id, name) values ('bench', 'Bench'), ('noise', 'Noise')`);
  await db.execute(sql`insert into vendors (shop_id, name)
    select 'bench', 'Vendor ' || i from generate_series(1, 200) i`);
  // Other shops' rows share the table and the indexes, as in production.
  for (const [shop, n] of [
    ["bench", PARTS],
    ["noise", PARTS / 5],
  ] as const) {
    await db.execute(
      sql.raw(`
      insert into parts (shop_id, kind, description, note, part_number, vendor_id, cost, retail_cost,
                         quantity_available, critical_quantity, quickbooks_item_ref, updated_at)
      select '${shop}',
        case when i % 5 = 0 then 'non_inventory' else 'inventory' end,
        (${WORDS})[1 + i % 25] || ' ' || (${WORDS})[1 + (i / 25) % 25] || ' ' || i,
        '', 'PN-' || lpad(i::text, 6, '0'),
        case when '${shop}' = 'bench' and i % 3 <> 0
          then (select id from vendors v where v.shop_id = 'bench' and v.name = 'Vendor ' || (1 + i % 200)) end,
        round((i % 9973) / 37.0, 2), round((i % 9973) / 17.0, 2),
        case when i % 5 = 0 then null else (i % 97)::numeric end,
        case when i % 5 = 0 then null else 4 end,
        case when i % 10 < 6 then i::text end,
        now() - (i || ' minutes')::interval
      from generate_series(1, ${n}) i`),
    );
  }
  await db.execute(sql`vacuum analyze`);
}

const SCENARIOS: [string, Record<string, string>][] = [
  ["first page (description)", {}],
  ["deep page 1000 of 50", { page: "1000" }],
  ["last page 2000 of 50", { page: "2000" }],
  ["sort -cost", { sort: "-cost" }],
  ["sort -quantityAvailable, page 600", { sort: "-quantityAvailable", page: "600" }],
  ["sort -updatedAt, page 1500", { sort: "-updatedAt", page: "1500" }],
  ["search 'brake' (8% match)", { search: "brake" }],
  ["search 'brake', page 100", { search: "brake", page: "100" }],
  ["search part number 'PN-04217'", { search: "PN-04217" }],
  ["search vendor 'Vendor 17'", { search: "Vendor 17" }],
  ["search 2 chars 'ke'", { search: "ke" }],
  ["filter linked=true", { linked: "true" }],
  ["filter linked=false, page 500", { linked: "false", page: "500" }],
  ["filter kind=non_inventory", { kind: "non_inventory" }],
  ["filter lowStock", { lowStock: "true" }],
  ["lowStock + linked + sort -cost", { lowStock: "true", linked: "true", sort: "-cost" }],
];

const pct = (xs: number[], p: number) =>
  xs.sort((a, b) => a - b)[Math.ceil((p / 100) * xs.length) - 1] ?? NaN;

async function main() {
  const name = `bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(base as string);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  try {
    await database.migrate();
    const t0 = performance.now();
    await fill(database.db);
    console.log(
      `filled ${PARTS} parts (+${PARTS / 5} in another shop) in ${Math.round(performance.now() - t0)} ms`,
    );
    console.log(
      "scenario".padEnd(40),
      "p50 ms".padStart(8),
      "p95 ms".padStart(8),
      "total".padStart(8),
    );
    for (const [label, raw] of SCENARIOS) {
      const q: PartListQuery = PartListQuerySchema.parse(raw);
      const times: number[] = [];
      let total = 0;
      for (let i = 0; i < RUNS + 5; i++) {
        const start = performance.now();
        total = (await listParts(database.db, "bench", q)).total;
        if (i >= 5) times.push(performance.now() - start); // the first runs warm caches and plans
      }
      console.log(
        label.padEnd(40),
        pct(times, 50).toFixed(1).padStart(8),
        pct(times, 95).toFixed(1).padStart(8),
        String(total).padStart(8),
      );
    }
  } finally {
    await database.close();
    if (process.env.BENCH_KEEP) console.log(`kept database ${name}`);
    else await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main();
