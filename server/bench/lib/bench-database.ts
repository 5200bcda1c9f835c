import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type Database, openDatabase } from "../../src/db/client.js";

export type Backend = "pglite" | "postgres";

/**
 * One throwaway database per backend and run: a PGlite directory under a temp DATA_DIR (shared
 * with the child server, one process at a time since PGlite has no locking), or a PostgreSQL
 * database created beside DATABASE_URL's and dropped at the end.
 */
export interface BenchDatabase {
  backend: Backend;
  dataDir: string;
  /** What the child server gets as DATABASE_URL (undefined: PGlite under dataDir). */
  url: string | undefined;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

export async function createBenchDatabase(backend: Backend): Promise<BenchDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), "qbo-bench-"));
  const cleanDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (backend === "pglite") {
    return {
      backend,
      dataDir,
      url: undefined,
      open: () => openDatabase({ pgliteDir: join(dataDir, "pglite") }),
      drop: () => Promise.resolve(cleanDir()),
    };
  }
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL is required for the postgres backend");
  const name = `bench_${randomBytes(5).toString("hex")}`;
  await adminQuery(base, `create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    backend,
    dataDir,
    url: url.toString(),
    open: () => openDatabase({ url: url.toString() }),
    drop: async () => {
      cleanDir();
      await adminQuery(base, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
