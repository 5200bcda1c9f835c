import { randomBytes } from "node:crypto";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { openDatabase } from "./client.js";

/**
 * Several processes booting at once on one empty PostgreSQL (a rolling deploy, replicas
 * starting together): each runs the migrations at start. Without a lock two of them apply
 * the same migration and one fails on "already exists".
 */
describe.runIf(process.env.DATABASE_URL)("migrations on PostgreSQL", () => {
  it("four processes migrating one empty database at once all start, each migration applied once", async () => {
    const base = process.env.DATABASE_URL!;
    const name = `m_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    const databases = await Promise.all(
      [1, 2, 3, 4].map(() => openDatabase({ url: url.toString() })),
    );
    try {
      const outcomes = await Promise.allSettled(databases.map((d) => d.migrate()));
      expect(outcomes.map((o) => o.status)).toEqual([
        "fulfilled",
        "fulfilled",
        "fulfilled",
        "fulfilled",
      ]);
      const check = new pg.Client({ connectionString: url.toString() });
      await check.connect();
      const { rows } = await check.query<{ n: number; distinct: number }>(
        `select count(*)::int as n, count(distinct hash)::int as distinct
         from drizzle.__drizzle_migrations`,
      );
      await check.end();
      expect(rows[0]!.n).toBe(rows[0]!.distinct);
      expect(rows[0]!.n).toBeGreaterThan(9);
    } finally {
      await Promise.all(databases.map((d) => d.close()));
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
