import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { lockDataDir } from "./pglite-lock.js";
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

async function openPglite(dir: string | undefined): Promise<Database> {
  if (dir) mkdirSync(dir, { recursive: true });
  const unlock = dir ? lockDataDir(dir) : () => undefined;
  // pg_trgm backs the lists' contains-search indexes (migration 0004 creates the extension).
  const options = { extensions: { pg_trgm } };
  const client = dir ? new PGlite(dir, options) : new PGlite(options);
  await client.waitReady.catch((error: unknown) => {
    unlock();
    throw error;
  });
  const pgliteDb = drizzlePglite(client, { schema });
  const executor: SqlExecutor = {
    async executeSql(text, values) {
      if (values?.length) {
        const r = await client.query(text, values);
        return { rows: r.rows, rowCount: r.affectedRows ?? 0 };
      }
      // pg-boss sends multi-statement, parameterless scripts (migrations, advisory-lock blocks).
      const results = await client.exec(text);
      const last = results.at(-1);
      return { rows: last?.rows ?? [], rowCount: last?.affectedRows ?? 0 };
    },
  };
  return {
    db: pgliteDb as unknown as Db,
    kind: "pglite",
    boss: { executor },
    migrate: () => migratePglite(pgliteDb, { migrationsFolder }),
    ping: async () => void (await client.query("select 1")),
    close: async () => {
      await client.close();
      unlock();
    },
  };
}

/** drizzle's `execute` is typed `unknown` on the common type; both drivers answer `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
