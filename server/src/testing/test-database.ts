import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../db/client.js";

export type Backend = "pglite" | "postgres";

/** PGlite always; PostgreSQL too when DATABASE_URL points at a server (CI does). */
export function testBackends(): Backend[] {
  return process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * A fresh, migrated database per call: in-memory PGlite, or a throwaway PostgreSQL database
 * created beside DATABASE_URL's and dropped on close, so test files never see each other's rows.
 */
export async function createTestDatabase(backend: Backend): Promise<Database> {
  if (backend === "pglite") {
    const database = await openDatabase({});
    await database.migrate();
    return database;
  }
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("DATABASE_URL is required for the postgres backend");
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  await database.migrate();
  return {
    ...database,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
