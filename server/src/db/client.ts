import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { lockDataDir } from "./pglite-lock.js";
import { PgliteRemote } from "./pglite-remote.js";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
/** One type for both drivers: the same query code runs on PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** What pg-boss needs to talk to the same database (pool for PG, a shim for PGlite). */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[]; rowCount?: number }>;
}

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** For pg-boss: a connection string (PostgreSQL) or an executor (PGlite). */
  boss: { connectionString: string } | { executor: SqlExecutor };
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), "../../drizzle");

/** Advisory-lock key that serialises migrations across processes ("QBOM"). */
const MIGRATION_LOCK = 0x51424f4d;

/** PGlite under `dir` (or in memory when dir is undefined), else PostgreSQL at `url`. */
export async function openDatabase(opts: { url?: string; pgliteDir?: string }): Promise<Database> {
  if (opts.url) return openPostgres(opts.url);
  return openPglite(opts.pgliteDir);
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // A client dropped by the server (restart, failover) must not crash the process: idle ones
  // report on the pool, which replaces them; checked-out ones on themselves, and the query
  // they were running fails on its own (see db/unavailable.ts for what then resumes).
  pool.on("error", () => undefined);
  pool.on("connect", (client) => client.on("error", () => undefined));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    boss: { connectionString: url },
    migrate: async () => {
      // Several processes booting at once on one PostgreSQL would race to apply the same
      // migration; the first takes the lock and migrates, the others wait and find it done.
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
      } finally {
        await client
          .query("select pg_advisory_unlock($1)", [MIGRATION_LOCK])
          .catch(() => undefined);
        client.release();
      }
    },
    ping: async () => void (await pool.query("select 1")),
    close: () => pool.end(),
  };
}

/**
 * What the embedded database keeps in memory. PostgreSQL's 128 MB of shared buffers is sized
 * for a server of its own; here it lives inside the app's process. Measured in
 * docs/performance.md ("Memory of the embedded mode").
 */
const PGLITE_CONF = "shared_buffers = 32MB";

/** A fresh directory gets its initdb in a process of its own (db/pglite-initdb.js says why). */
async function initdbIfNew(dir: string): Promise<void> {
  if (existsSync(join(dir, "PG_VERSION"))) return;
  const script = fileURLToPath(new URL("./pglite-initdb.js", import.meta.url));
  const child = spawn(process.execPath, [script, dir], { stdio: ["ignore", "inherit", "inherit"] });
  const [code] = (await once(child, "exit")) as [number | null];
  if (code !== 0) throw new Error(`creating the embedded database in ${dir} failed (exit ${code})`);
}

async function openPglite(dir: string | undefined): Promise<Database> {
  if (dir) mkdirSync(dir, { recursive: true });
  const unlock = dir ? lockDataDir(dir) : () => undefined;
  let client: PgliteRemote | undefined;
  try {
    if (dir) await initdbIfNew(dir);
    // Off the request thread: db/pglite-remote.ts. pg_trgm (the lists' contains-search
    // indexes, migration 0004) is loaded there.
    client = new PgliteRemote(dir, { postgresqlconf: PGLITE_CONF });
    await client.waitReady;
  } catch (error) {
    await client?.close();
    unlock();
    throw error;
  }
  const remote = client;
  const pgliteDb = drizzlePglite({ client: remote as unknown as PGlite, schema });
  const executor: SqlExecutor = {
    async executeSql(text, values) {
      if (values?.length) {
        const r = await remote.query(text, values);
        return { rows: r.rows, rowCount: r.affectedRows ?? 0 };
      }
      // pg-boss sends multi-statement, parameterless scripts (migrations, advisory-lock blocks).
      const results = await remote.exec(text);
      const last = results.at(-1);
      return { rows: last?.rows ?? [], rowCount: last?.affectedRows ?? 0 };
    },
  };
  return {
    db: pgliteDb as unknown as Db,
    kind: "pglite",
    boss: { executor },
    migrate: () => migratePglite(pgliteDb, { migrationsFolder }),
    ping: async () => void (await remote.query("select 1")),
    close: async () => {
      await remote.close();
      unlock();
    },
  };
}

/** drizzle's `execute` is typed `unknown` on the common type; both drivers answer `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
