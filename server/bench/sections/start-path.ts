import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { ImportJob } from "@app/shared";
import { admin, stats } from "../../src/testing/sandbox.js";
import { connectShop } from "../lib/connect.js";
import { type ServerSecrets, procStatusMb } from "../lib/child-server.js";
import { api, sleep, waitForUrl } from "../lib/http.js";
import { percentile, round } from "../lib/stats.js";
import { floorMs } from "./import-result.js";

const serverRoot = resolve(import.meta.dirname, "../..");

/** One import on the path a user runs: `pnpm start`'s launcher, its sandbox, a fresh DATA_DIR. */
export interface StartPathResult {
  items: number;
  backend: "pglite" | "postgres";
  wallMs: number;
  floorMs: number;
  ratioToFloor: number;
  requests: number;
  throttled: number;
  maxInFlight: number;
  /** The BFF process's VmHWM over its whole life: boot (initdb, migrations) included. */
  peakRssMb: number;
  /** The BFF process's resident memory just before the import (booted, one shop imported). */
  idleRssMb: number;
  /** A second shop's `GET /api/inventory?page=1&pageSize=50`, one every 250 ms during the import. */
  bystander: { samples: number; p50Ms: number; p95Ms: number; maxMs: number; errors: number };
}

interface Launched {
  launcher: ChildProcess;
  serverPid: number;
  url: string;
  sandbox: { url: string };
  stop(): Promise<void>;
}

/** The pids of a process's children (Linux: /proc/<pid>/task/<pid>/children). */
function childPids(pid: number): number[] {
  try {
    const text = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    return text ? text.split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
}

async function launch(opts: {
  dataDir: string;
  port: number;
  sandboxPort: number;
  secrets: ServerSecrets;
  databaseUrl?: string;
}): Promise<Launched> {
  const url = `http://127.0.0.1:${opts.port}`;
  // What `pnpm start` runs (server/package.json), minus pnpm itself: same launcher, same
  // defaults (LOG_LEVEL info, the sandbox beside the BFF). The session secret is set so the
  // bench can sign shop tokens as the Shopmonkey shell would; demo mode differs in nothing else.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    DATA_DIR: opts.dataDir,
    PORT: String(opts.port),
    QBO_SANDBOX_PORT: String(opts.sandboxPort),
    SESSION_SECRET: opts.secrets.sessionSecret,
    TOKEN_ENCRYPTION_KEY: opts.secrets.tokenKey,
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
  };
  // Kept after the run (the data directory is not) for whoever wants to read what it said.
  const logPath = join(tmpdir(), "bench-start-path.log");
  const logFile = createWriteStream(logPath);
  const launcher = spawn(process.execPath, ["--import", "tsx", "scripts/launch.ts"], {
    cwd: serverRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  // The logs go where a terminal would take them: written, not thrown away unread.
  launcher.stdout?.pipe(logFile);
  launcher.stderr?.pipe(logFile);
  const exited = new Promise<void>((done) => launcher.once("exit", () => done()));
  await Promise.race([
    waitForUrl(`${url}/healthz`, 120_000),
    exited.then(() => {
      throw new Error(`pnpm start's launcher exited during start-up (see ${logPath})`);
    }),
  ]);
  const serverPid = childPids(launcher.pid as number).find((pid) =>
    readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("src/main.ts"),
  );
  if (!serverPid) throw new Error("could not find the BFF process under the launcher");
  return {
    launcher,
    serverPid,
    url,
    sandbox: { url: `http://127.0.0.1:${opts.sandboxPort}` },
    async stop() {
      launcher.kill("SIGTERM");
      await Promise.race([exited, sleep(30_000)]);
      if (launcher.exitCode === null && launcher.signalCode === null) launcher.kill("SIGKILL");
      logFile.end();
    },
  };
}

async function importAndWait(url: string, token: string, items: number): Promise<ImportJob> {
  let job = await api<ImportJob>(url, token, "POST", "/api/quickbooks/imports", {
    category: "inventory",
  });
  // The SPA polls a running job about once a second.
  while (!["succeeded", "failed", "canceled"].includes(job.status)) {
    await sleep(1000);
    job = await api<ImportJob>(url, token, "GET", `/api/quickbooks/imports/${job.id}`);
  }
  if (job.status !== "succeeded" || job.imported + job.updated !== items)
    throw new Error(`import of ${items} ended ${job.status}: ${JSON.stringify(job)}`);
  return job;
}

/**
 * Issue 18's measurement: the app started the way the README starts it, a generated company of
 * `items` inventory items behind 150 ms of latency, and a second shop browsing its inventory
 * list every 250 ms while the import runs.
 */
export async function runStartPath(opts: {
  items: number;
  ports: [number, number];
  secrets: ServerSecrets;
  token(shop: string): Promise<string>;
  latencyMs: number;
  databaseUrl?: string;
  log: (line: string) => void;
}): Promise<StartPathResult> {
  const root = mkdtempSync(join(tmpdir(), "bench-start-"));
  const app = await launch({
    dataDir: join(root, "data"),
    port: opts.ports[0],
    sandboxPort: opts.ports[1],
    secrets: opts.secrets,
    databaseUrl: opts.databaseUrl,
  });
  try {
    const { realmId } = await admin<{ realmId: string }>(app.sandbox, "POST", "/companies", {
      seed: `start-${opts.items}`,
      items: { inventory: opts.items },
      customers: 1,
      vendors: 20,
    });
    const { realmId: otherRealm } = await admin<{ realmId: string }>(
      app.sandbox,
      "POST",
      "/companies",
      { seed: "start-bystander", items: { inventory: 2_000 }, customers: 1, vendors: 5 },
    );
    // The bystander shop has its own 2,000 parts to browse, imported before the clock starts.
    const bystanderToken = await opts.token("bystander");
    await connectShop(app.url, bystanderToken, otherRealm);
    await importAndWait(app.url, bystanderToken, 2_000);
    await admin(app.sandbox, "POST", "/faults", { latencyMs: opts.latencyMs });

    const token = await opts.token(`start-${opts.items}`);
    await connectShop(app.url, token, realmId);
    const before = await stats(app.sandbox, realmId);
    const idleRssMb = round(procStatusMb(app.serverPid, "VmRSS"));
    const latencies: number[] = [];
    let errors = 0;
    let importing = true;
    const browse = (async () => {
      while (importing) {
        const t0 = performance.now();
        const res = await fetch(`${app.url}/api/inventory?page=1&pageSize=50`, {
          headers: { authorization: `Bearer ${bystanderToken}` },
        }).catch(() => null);
        if (res) await res.arrayBuffer();
        const ms = performance.now() - t0;
        if (res?.ok) latencies.push(ms);
        else errors++;
        await sleep(Math.max(0, 250 - ms));
      }
    })();
    opts.log(`[start path] importing ${opts.items} items…`);
    const job = await importAndWait(app.url, token, opts.items).finally(() => {
      importing = false;
    });
    await browse;
    const after = await stats(app.sandbox, realmId);
    const wallMs = Date.parse(job.finishedAt ?? "") - Date.parse(job.createdAt);
    const result: StartPathResult = {
      items: opts.items,
      backend: opts.databaseUrl ? "postgres" : "pglite",
      wallMs,
      floorMs: floorMs(opts.items),
      ratioToFloor: round(wallMs / floorMs(opts.items), 2),
      requests: after.requests - before.requests,
      throttled: after.throttled - before.throttled,
      maxInFlight: after.maxInFlight,
      peakRssMb: round(procStatusMb(app.serverPid, "VmHWM")),
      idleRssMb,
      bystander: {
        samples: latencies.length,
        p50Ms: round(percentile(latencies, 50)),
        p95Ms: round(percentile(latencies, 95)),
        maxMs: round(Math.max(...latencies)),
        errors,
      },
    };
    opts.log(
      `[start path]   ${wallMs} ms, ${result.ratioToFloor}× the floor, peak ${result.peakRssMb} MB, ` +
        `bystander p95 ${result.bystander.p95Ms} ms`,
    );
    return result;
  } finally {
    await app.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
