/**
 * `pnpm bench` (full: 10k and 100k imports) or `pnpm bench -- --quick` (10k only): imports,
 * lists, invoices and the web bundle on PGlite, and on PostgreSQL when DATABASE_URL is set;
 * then the path users run (`pnpm start`: launcher, sandbox process, fresh DATA_DIR) importing
 * 50k and 100k items while another shop browses. Prints a table and writes
 * bench/results/latest.json. See bench/README.md.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import * as prettier from "prettier";
import { admin, startTestSandbox } from "../src/testing/sandbox.js";
import type { Backend } from "./lib/bench-database.js";
import { type BenchReport, render } from "./report.js";
import { type BackendResult, runBackend } from "./sections/backend.js";
import { runBundle } from "./sections/bundle.js";
import { type StartPathResult, runStartPath } from "./sections/start-path.js";
import { createBenchDatabase } from "./lib/bench-database.js";
import { newSecrets, tokenMinter } from "./lib/context.js";
import { referenceLoopMs, round } from "./lib/stats.js";

const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
const LATENCY_MS = 150;
const LIST_SECONDS = quick ? 3 : 6;
const log = (line: string) => process.stderr.write(`${line}\n`);

function backends(): Backend[] {
  const all: Backend[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
  if (args.has("--pglite")) return ["pglite"];
  if (args.has("--postgres")) return all.filter((b) => b === "postgres");
  return all;
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const { port } = srv.address() as { port: number };
  await new Promise((r) => srv.close(r));
  return port;
}

/**
 * Issue 18's section: each run boots the app as `pnpm start` does, on a fresh DATA_DIR (PGlite),
 * or with a fresh PostgreSQL database when DATABASE_URL is set (100k only: the embedded run
 * is the one users start with).
 */
async function runStartPaths(): Promise<StartPathResult[]> {
  const secrets = newSecrets();
  const common = {
    secrets,
    token: tokenMinter(secrets),
    latencyMs: LATENCY_MS,
    log,
  };
  const out: StartPathResult[] = [];
  const backendsHere = backends();
  if (backendsHere.includes("pglite"))
    for (const items of quick ? [50_000] : [50_000, 100_000])
      out.push(
        await runStartPath({ ...common, items, ports: [await freePort(), await freePort()] }),
      );
  if (backendsHere.includes("postgres")) {
    const database = await createBenchDatabase("postgres");
    try {
      out.push(
        await runStartPath({
          ...common,
          items: quick ? 50_000 : 100_000,
          ports: [await freePort(), await freePort()],
          databaseUrl: database.url,
        }),
      );
    } finally {
      await database.drop();
    }
  }
  return out;
}

async function main() {
  const started = Date.now();
  const loadAtStart = round(loadavg()[0] ?? 0, 2);
  const loopAtStart = referenceLoopMs();
  // Intuit's limits stay at their defaults (10 in flight, 10/s, 500/min per realm).
  const sandbox = await startTestSandbox({ seedDemo: false });
  const results: BackendResult[] = [];
  try {
    await admin(sandbox, "POST", "/faults", { latencyMs: LATENCY_MS });
    for (const backend of args.has("--start-path-only") ? [] : backends()) {
      results.push(
        await runBackend(sandbox, backend, {
          sizes: quick ? [10_000] : [10_000, 100_000],
          listParts: 100_000,
          listSeconds: LIST_SECONDS,
          port: await freePort(),
          log,
        }),
      );
    }
  } finally {
    await sandbox.close();
  }
  const startPath = await runStartPaths();
  log("building the web app…");
  const bundle = args.has("--no-bundle") ? null : runBundle();
  const cpu = cpus();
  const report: BenchReport = {
    date: new Date().toISOString(),
    mode: quick ? "quick" : "full",
    machine: {
      cpus: cpu.length,
      cpuModel: cpu[0]?.model.trim() ?? "unknown",
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.versions.node,
      platform: `${process.platform}-${process.arch}`,
      loadAverage: { start: loadAtStart, end: round(loadavg()[0] ?? 0, 2) },
      referenceLoopMs: { start: loopAtStart, end: referenceLoopMs() },
    },
    conditions: {
      latencyMs: LATENCY_MS,
      limits: "Intuit's limits enforced (10 in flight, 10/s, 500/min per realm)",
      listConnections: 10,
      listSeconds: LIST_SECONDS,
    },
    backends: results,
    startPath,
    bundle,
  };
  const dir = join(import.meta.dirname, "results");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "latest.json");
  // Formatted as the repository's prettier would, so `pnpm format:check` passes after a run.
  const options = { ...(await prettier.resolveConfig(file)), parser: "json" };
  writeFileSync(file, await prettier.format(JSON.stringify(report), options));
  console.log(render(report));
  log(`\nwrote bench/results/latest.json in ${Math.round((Date.now() - started) / 1000)} s`);
}

await main();
