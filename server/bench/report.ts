import { table } from "./lib/table.js";
import type { BackendResult } from "./sections/backend.js";
import type { BundleResult } from "./sections/bundle.js";
import type { StartPathResult } from "./sections/start-path.js";

export interface BenchReport {
  date: string;
  mode: "full" | "quick";
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    platform: string;
    /** 1-minute load average at start and end: other work on the machine skews every figure. */
    loadAverage: { start: number; end: number };
    /**
     * A fixed JavaScript loop timed at start and end (lib/stats.ts): the same machine type runs it
     * at different speeds from one day (or host) to the next, and every figure moves with it.
     */
    referenceLoopMs?: { start: number; end: number };
  };
  conditions: { latencyMs: number; limits: string; listConnections: number; listSeconds: number };
  backends: BackendResult[];
  /** The `pnpm start` path: launcher, sandbox process, default logging, fresh DATA_DIR. */
  startPath: StartPathResult[];
  bundle: BundleResult[] | null;
}

const s = (ms: number) => (ms / 1000).toFixed(1);

/** The human-readable version of latest.json. */
export function render(r: BenchReport): string {
  const out: string[] = [
    `pnpm bench (${r.mode}) · ${r.date} · ${r.machine.cpus}× ${r.machine.cpuModel} · Node ${r.machine.node}`,
    `load average ${r.machine.loadAverage.start} at start, ${r.machine.loadAverage.end} at end (${r.machine.cpus} cores)` +
      (r.machine.referenceLoopMs
        ? `; reference loop ${r.machine.referenceLoopMs.start} / ${r.machine.referenceLoopMs.end} ms`
        : ""),
    `QuickBooks sandbox: ${r.conditions.latencyMs} ms per request, ${r.conditions.limits}`,
  ];
  for (const b of r.backends) {
    out.push("", `== ${b.backend} ==`, "", "Imports (inventory items; floor = N ÷ 1,000 ÷ 10/s)");
    out.push(
      table(
        [
          "way",
          "items",
          "wall s",
          "floor s",
          "× floor",
          "items/s",
          "requests",
          "429s",
          "max in flight",
          "idle RSS MB",
          "peak RSS MB",
        ],
        b.imports.flatMap((p) =>
          [p.real, p.naive].map((x) => [
            x.way === "real" ? "product" : "naive (bench/)",
            x.items,
            s(x.wallMs),
            s(x.floorMs),
            x.ratioToFloor.toFixed(2),
            x.itemsPerSecond,
            x.requests,
            x.throttled,
            x.maxInFlight,
            x.idleRssMb ?? "-",
            x.peakRssMb ?? "-",
          ]),
        ),
      ),
    );
    for (const p of b.imports) out.push(`product vs naive at ${p.items}: ${p.speedup}× faster`);
    out.push(
      "",
      `List endpoint, ${b.listParts} parts, 10 connections (seeded in ${s(b.listSeedMs)} s)`,
    );
    out.push(
      table(
        ["scenario", "query", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors"],
        b.lists.map((l) => [
          l.scenario,
          l.query,
          l.requestsPerSecond,
          l.p50Ms,
          l.p95Ms,
          l.p99Ms,
          l.non2xx,
        ]),
      ),
    );
    const inv = b.invoices;
    out.push(
      "",
      `Invoice → Sent, ${inv.orders} orders invoiced at once: p50 ${s(inv.p50Ms)} s, p95 ${s(inv.p95Ms)} s, max ${s(inv.maxMs)} s`,
    );
  }
  if (r.startPath.length > 0) {
    out.push(
      "",
      "The pnpm start path (launcher + sandbox process, fresh DATA_DIR), a second shop listing every 250 ms",
    );
    out.push(
      table(
        [
          "database",
          "items",
          "wall s",
          "× floor",
          "requests",
          "429s",
          "idle RSS MB",
          "peak RSS MB (boot incl.)",
          "list p50 ms",
          "list p95 ms",
          "list max ms",
        ],
        r.startPath.map((x) => [
          x.backend,
          x.items,
          s(x.wallMs),
          x.ratioToFloor.toFixed(2),
          x.requests,
          x.throttled,
          x.idleRssMb,
          x.peakRssMb,
          x.bystander.p50Ms,
          x.bystander.p95Ms,
          x.bystander.maxMs,
        ]),
      ),
    );
  }
  if (r.bundle) {
    out.push("", "Web bundle (gzip)");
    out.push(
      table(
        ["loaded by", "JS kB", "CSS kB", "files"],
        r.bundle.map((c) => [c.chunk, c.jsGzipKb, c.cssGzipKb, c.files.length]),
      ),
    );
  }
  return out.join("\n");
}
