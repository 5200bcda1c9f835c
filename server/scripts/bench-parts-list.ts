/**
 * Times the inventory list at 100,000 parts on PostgreSQL, through the real repository code.
 * Creates a scratch database beside DATABASE_URL, fills it with generate_series, and drops it.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx scripts/bench-parts-list.ts
 */
import { randomBytes } from "node:crypto";
import { type PartListQuery, PartListQuerySchema } from "@app/shared";
import pg from "pg";
import { openDatabase } from "../src/db/client.js";
import { listParts } from "../src/features/inventory/parts.repository.js";
import { seedParts } from "../bench/sections/list-seed.js";

const PARTS = Number(process.env.BENCH_PARTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const base = process.env.DATABASE_URL;
if (!base) throw new Error("DATABASE_URL is required");

const SCENARIOS: [string, Record<string, string>][] = [
  ["first page (description)", {}],
  ["deep page 1000 of 50", { page: "1000" }],
  ["page 1000 by cursor", { page: "1000", after: "{999}" }],
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

/** `after: "{N}"`: the last part of page N, as the Inventory page's Next names it. */
async function withCursor(db: Parameters<typeof listParts>[0], raw: Record<string, string>) {
  const n = /^\{(\d+)\}$/.exec(raw.after ?? "")?.[1];
  if (!n) return raw;
  const { rows } = await listParts(db, "bench", PartListQuerySchema.parse({ page: n }));
  return { ...raw, after: rows.at(-1)?.id ?? "" };
}

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
    await seedParts(database.db, "bench", PARTS);
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
      const q: PartListQuery = PartListQuerySchema.parse(await withCursor(database.db, raw));
      const times: number[] = [];
      let total = "";
      for (let i = 0; i < RUNS + 5; i++) {
        const start = performance.now();
        const page = await listParts(database.db, "bench", q);
        total = `${page.totalExact ? "" : ">"}${page.total}`;
        if (i >= 5) times.push(performance.now() - start); // the first runs warm caches and plans
      }
      console.log(
        label.padEnd(40),
        pct(times, 50).toFixed(1).padStart(8),
        pct(times, 95).toFixed(1).padStart(8),
        total.padStart(8),
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
