import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { NODE_FLAGS } from "../../scripts/node-flags.js";
import { waitForUrl } from "./http.js";

const serverRoot = resolve(import.meta.dirname, "../..");

export interface ServerSecrets {
  sessionSecret: string;
  tokenKey: string;
}

export interface ChildServer {
  url: string;
  pid: number;
  /** Peak resident memory of the process since start or the last resetPeak() (VmHWM), in MB. */
  peakRssMb(): number;
  /** Resident memory now (VmRSS), in MB. */
  rssMb(): number;
  /**
   * Restarts the peak (Linux: `5` into /proc/<pid>/clear_refs), so a measurement excludes
   * start-up: PGlite's first boot (initdb + migrations) peaks far above what an import uses.
   */
  resetPeak(): void;
  stop(): Promise<void>;
}

/** Reads a `VmXxx:  1234 kB` line of /proc/<pid>/status (Linux). */
export function procStatusMb(pid: number, field: "VmHWM" | "VmRSS"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1];
  return kb ? Number(kb) / 1024 : NaN;
}

/**
 * The real server (src/main.ts) as its own process, so its resident memory is its own and not
 * mixed with the sandbox's or the load tool's. It runs the import worker as in production.
 */
export async function startChildServer(opts: {
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  sandboxUrl: string;
  secrets: ServerSecrets;
}): Promise<ChildServer> {
  const url = `http://127.0.0.1:${opts.port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: "production",
    PORT: String(opts.port),
    HOST: "127.0.0.1",
    PUBLIC_URL: url,
    DATA_DIR: opts.dataDir,
    QBO_SANDBOX_URL: opts.sandboxUrl,
    SESSION_SECRET: opts.secrets.sessionSecret,
    TOKEN_ENCRYPTION_KEY: opts.secrets.tokenKey,
    LOG_LEVEL: "warn",
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
  };
  const child: ChildProcess = spawn(
    process.execPath,
    [
      // BENCH_CPU_PROF=<dir>: a V8 CPU profile of the server, written when it stops.
      ...(process.env.BENCH_CPU_PROF
        ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
        : []),
      // As `pnpm start` runs it (scripts/launch.ts).
      ...NODE_FLAGS,
      "--import",
      "tsx",
      join(serverRoot, "src/main.ts"),
    ],
    { cwd: serverRoot, env, stdio: ["ignore", "inherit", "inherit"] },
  );
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  let lastPeak = 0;
  try {
    await Promise.race([
      waitForUrl(`${url}/healthz`, 60_000),
      exited.then(() => {
        throw new Error("the server exited during start-up");
      }),
    ]);
  } catch (err) {
    child.kill("SIGKILL");
    throw err;
  }
  const pid = child.pid as number;
  return {
    url,
    pid,
    peakRssMb() {
      // /proc/<pid> disappears with the process; keep the last reading.
      if (child.exitCode === null) lastPeak = procStatusMb(pid, "VmHWM");
      return lastPeak;
    },
    rssMb: () => procStatusMb(pid, "VmRSS"),
    resetPeak: () => writeFileSync(`/proc/${pid}/clear_refs`, "5"),
    async stop() {
      if (child.exitCode === null) lastPeak = procStatusMb(pid, "VmHWM");
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}
