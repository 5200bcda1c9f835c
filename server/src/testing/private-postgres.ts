import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "./server-process.js";

/**
 * A PostgreSQL the test may take down: its own throwaway cluster (initdb under /tmp, its own
 * port and socket directory), so stopping it hurts nobody else's run. Where no PostgreSQL
 * binaries can run, the fallback is a throwaway database on DATABASE_URL's server whose
 * connections are cut and refused for the outage; the shared server itself is never stopped.
 */
export interface RestartablePostgres {
  /** "cluster": a private postmaster; "database": a database on the shared server. */
  readonly kind: "cluster" | "database";
  /** Connection string of the app's database. */
  readonly url: string;
  /** Why the private cluster wasn't used (fallback only). */
  readonly fallbackReason?: string;
  /** The outage begins: `fast` ends sessions cleanly, `immediate` is a crash (recovery on start). */
  stop(mode: "fast" | "immediate"): Promise<void>;
  /** The outage ends; resolves once connections are accepted again. */
  start(): Promise<void>;
  destroy(): Promise<void>;
}

type Mode = "fast" | "immediate";

/** The newest installed PostgreSQL's bin directory, or undefined. */
export function findPostgresBin(): string | undefined {
  const candidates: string[] = [];
  const root = "/usr/lib/postgresql";
  if (existsSync(root))
    for (const v of readdirSync(root).sort((a, b) => Number(b) - Number(a)))
      candidates.push(join(root, v, "bin"));
  const pgConfig = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  if (pgConfig.status === 0) candidates.push(pgConfig.stdout.trim());
  for (const dir of (process.env.PATH ?? "").split(":")) if (dir) candidates.push(dir);
  return candidates.find((d) => existsSync(join(d, "initdb")) && existsSync(join(d, "pg_ctl")));
}

/** PostgreSQL refuses to run as root: as root, run its tools as the `postgres` user. */
function asUser(): { wrap: (cmd: string, args: string[]) => [string, string[]]; uid?: number } {
  if (process.getuid?.() !== 0) return { wrap: (cmd, args) => [cmd, args] };
  const id = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  if (id.status !== 0) throw new Error("running as root and there is no postgres user");
  const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  const uid = Number(id.stdout.trim());
  const wrap = (cmd: string, args: string[]): [string, string[]] => [
    "setpriv",
    [
      `--reuid=${uid}`,
      `--regid=${Number(gid.stdout.trim())}`,
      "--clear-groups",
      "--reset-env",
      cmd,
      ...args,
    ],
  ];
  return { wrap, uid };
}

/** Runs a tool to its exit (not its pipes' close: pg_ctl leaves a postmaster behind). */
function run(cmd: string, args: string[], timeoutMs = 60_000): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      fail(err);
    });
    child.on("exit", (code) => {
      clearTimeout(timer);
      if (code === 0) done(out);
      else fail(new Error(`${cmd} ${args.join(" ")} → exit ${code}\n${out}`));
    });
  });
}

/** A throwaway cluster of our own: initdb, a free port, unix sockets in its own directory. */
export async function startPrivatePostgres(bin = findPostgresBin()): Promise<RestartablePostgres> {
  if (!bin) throw new Error("no PostgreSQL binaries (initdb, pg_ctl) found");
  const user = asUser();
  const dir = mkdtempSync("/tmp/qbo-private-pg-");
  const data = join(dir, "data");
  const log = join(dir, "postgres.log");
  if (user.uid !== undefined) chownSync(dir, user.uid, -1);
  const tool = (name: string, args: string[]) => {
    const [cmd, argv] = user.wrap(join(bin, name), args);
    return run(cmd, argv);
  };
  const port = await freePort();
  try {
    await tool("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
    // In the data directory's own config, so a restart keeps them.
    appendFileSync(
      join(data, "postgresql.conf"),
      [
        `port = ${port}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        "max_connections = 60",
        "fsync = off", // the machine doesn't crash in these tests, only the postmaster
        "",
      ].join("\n"),
    );
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const pgCtl = (...args: string[]) => tool("pg_ctl", ["-D", data, "-w", "-t", "60", ...args]);
  const start = async () => void (await pgCtl("-l", log, "start"));
  const stop = async (mode: Mode) => void (await pgCtl("-m", mode, "stop"));
  // If the test process dies, the postmaster must not outlive it.
  const onExit = () => {
    const [cmd, argv] = user.wrap(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"]);
    spawnSync(cmd, argv, { stdio: "ignore" });
  };
  process.once("exit", onExit);
  await start();
  const name = `app_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "postgres" });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    kind: "cluster",
    url: `postgres://postgres@127.0.0.1:${port}/${name}`,
    stop,
    start,
    async destroy() {
      process.off("exit", onExit);
      await stop("immediate").catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The fallback: a throwaway database on DATABASE_URL's server. Its outage refuses new
 * connections (ALLOW_CONNECTIONS false) and terminates the open ones; the server stays up.
 */
export async function sharedDatabaseOutage(reason: string): Promise<RestartablePostgres> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error(`${reason}, and DATABASE_URL is not set for the fallback`);
  const name = `pgout_${randomBytes(5).toString("hex")}`;
  const onBase = async (text: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  await onBase(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    kind: "database",
    url: url.toString(),
    fallbackReason: reason,
    async stop() {
      await onBase(`alter database ${name} allow_connections false`);
      await onBase(
        `select pg_terminate_backend(pid) from pg_stat_activity
          where datname = '${name}' and pid <> pg_backend_pid()`,
      );
    },
    start: () => onBase(`alter database ${name} allow_connections true`),
    async destroy() {
      await onBase(`alter database ${name} allow_connections true`).catch(() => undefined);
      await onBase(`drop database if exists ${name} with (force)`);
    },
  };
}

/** A private cluster where the binaries run; else the shared-server fallback, with the reason. */
export async function restartablePostgres(): Promise<RestartablePostgres> {
  try {
    return await startPrivatePostgres();
  } catch (err) {
    return sharedDatabaseOutage(
      `no private PostgreSQL cluster: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`,
    );
  }
}
