import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";
import type { Role } from "@app/shared";
import { sql } from "drizzle-orm";
import pg from "pg";
import { openDatabase, rowsOf } from "../db/client.js";
import { signSessionToken } from "../lib/session-token.js";
import type { Backend } from "./test-database.js";
import { type RunningSandbox, startTestSandbox } from "./sandbox.js";

/**
 * Real server processes (main.ts, as production runs it) for the crash and scale-out suites,
 * shared by the import crash test and the hardening suites.
 */
const serverRoot = resolve(import.meta.dirname, "../..");

export const freePort = () =>
  new Promise<number>((done) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });

export class ServerProcess {
  child?: ChildProcess;
  output = "";
  constructor(
    readonly port: number,
    readonly env: Record<string, string>,
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const inherited = { ...process.env };
    delete inherited.DATABASE_URL; // a PGlite run must not inherit the runner's PostgreSQL
    delete inherited.CHAOS;
    this.child = spawn(process.execPath, ["--import", "tsx", join(serverRoot, "src/main.ts")], {
      cwd: serverRoot,
      env: { ...inherited, ...this.env, PORT: String(this.port), HOST: "127.0.0.1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child.stdout?.on("data", (d: Buffer) => (this.output += d.toString()));
    this.child.stderr?.on("data", (d: Buffer) => (this.output += d.toString()));
    // A ceiling, not a speed target: on a busy machine (`pnpm test:stress`) tsx, PGlite and the
    // migrations took over 40 s to boot.
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`server exited:\n${this.output}`);
      const ok = await fetch(`${this.url}/readyz`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server did not become ready:\n${this.output}`);
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((done) => {
      child.once("exit", () => done());
      child.kill(signal);
    });
  }
}

/** A throwaway PostgreSQL database beside DATABASE_URL's, or a PGlite directory. */
export async function processDatabase(
  backend: "pglite" | "postgres",
): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const dataDir = `/tmp/qbo-hardening-${randomBytes(4).toString("hex")}`;
  if (backend === "pglite")
    return {
      env: { DATA_DIR: dataDir },
      drop: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
    };
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL is required for the postgres backend");
  const name = `hard_${randomBytes(5).toString("hex")}`;
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    drop: async () => {
      const d = new pg.Client({ connectionString: base });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** What every process of one deployment shares: secrets and the sandbox. */
export function deploymentEnv(sandboxUrl: string, extra: Record<string, string> = {}) {
  return {
    NODE_ENV: "test",
    SESSION_SECRET: randomBytes(32).toString("base64url"),
    TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    QBO_SANDBOX_URL: sandboxUrl,
    LOG_LEVEL: "info",
    ...extra,
  };
}

export async function tokenFor(env: Record<string, string>, shop: string, role: Role = "owner") {
  const secret = new TextEncoder().encode(env.SESSION_SECRET);
  return (await signSessionToken(secret, { shop, sub: `${shop}-${role}`, name: role, role })).token;
}

/** A JSON call to a server process; throws on a non-2xx with the body. */
export async function apiCall<T>(
  base: string,
  token: string,
  path: string,
  init: RequestInit = {},
): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      ...init.headers,
    },
  });
  if (!res.ok) throw new Error(`${path} → ${res.status} ${await res.text()}`);
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Connects the token's shop to `realmId` through a server process, as a browser would. */
export async function connectThrough(base: string, token: string, realmId: string) {
  const { authorizeUrl } = await apiCall<{ authorizeUrl: string }>(
    base,
    token,
    "/api/quickbooks/connection",
    { method: "POST" },
  );
  // Our /oauth/start binds the popup's browser with a cookie, then sends it on to Intuit.
  const start = new URL(authorizeUrl);
  const opened = await fetch(
    `${base}${start.pathname}${start.search}&auto_approve_realm=${realmId}`,
    {
      redirect: "manual",
    },
  );
  const cookie = opened.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const consent = await fetch(opened.headers.get("location") ?? "", { redirect: "manual" });
  const location = consent.headers.get("location");
  if (!location) throw new Error(`consent did not redirect (${consent.status})`);
  const back = new URL(location);
  const res = await fetch(`${base}${back.pathname}${back.search}`, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`callback → ${res.status}`);
}

/** A sandbox, a throwaway database and one real server process on them, started. */
export interface Deployment {
  sandbox: RunningSandbox;
  server: ServerProcess;
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startDeployment(
  backend: Backend,
  extra: Record<string, string> = {},
): Promise<Deployment> {
  const sandbox = await startTestSandbox();
  const db = await processDatabase(backend);
  const env = deploymentEnv(sandbox.url, { ...db.env, ...extra });
  const server = new ServerProcess(await freePort(), env);
  await server.start();
  return {
    sandbox,
    server,
    env,
    async stop() {
      await server.kill("SIGKILL");
      await sandbox.close();
      await db.drop();
    },
  };
}

/**
 * Rows as a deployment's database holds them. PGlite is one process's database (opening it
 * beside a running server is refused: db/pglite-lock.ts), so on PGlite call this only while
 * the server is down. `$n` parameters are inlined there: tests pass only their own ids.
 */
export async function queryDatabase<T>(
  env: Record<string, string>,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  if (env.DATABASE_URL) {
    const c = new pg.Client({ connectionString: env.DATABASE_URL });
    await c.connect();
    try {
      return (await c.query(text, params)).rows as T[];
    } finally {
      await c.end();
    }
  }
  const inlined = text.replace(
    /\$(\d+)/g,
    (_m, i: string) => `'${String(params[Number(i) - 1]).replaceAll("'", "''")}'`,
  );
  const database = await openDatabase({ pgliteDir: join(env.DATA_DIR!, "pglite") });
  try {
    return rowsOf<T>(await database.db.execute(sql.raw(inlined)));
  } finally {
    await database.close();
  }
}
