import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase, rowsOf } from "./client.js";

/**
 * The embedded database runs on its own thread (pglite-remote.ts); what the app relies on must
 * hold across that boundary: durable commits, PGlite's one-transaction-at-a-time semantics,
 * PostgreSQL's error fields, and a request thread that stays free while a query runs.
 */
describe("the embedded database on its own thread", () => {
  let dir: string;
  let database: Database;
  const count = async (d: Database) =>
    rowsOf<{ n: number }>(await d.db.execute(sql`select count(*)::int as n from shops`))[0]?.n;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "pglite-remote-"));
    database = await openDatabase({ pgliteDir: join(dir, "pglite") });
    await database.migrate();
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps what was committed when the directory is opened again", async () => {
    await database.db.execute(sql`insert into shops (id, name) values ('kept', 'Kept Auto')`);
    await database.close();
    database = await openDatabase({ pgliteDir: join(dir, "pglite") });
    const rows = rowsOf<{ name: string }>(
      await database.db.execute(sql`select name from shops where id = 'kept'`),
    );
    expect(rows).toEqual([{ name: "Kept Auto" }]);
  });

  it("makes a query from outside a transaction wait for its commit, then see it", async () => {
    const events: string[] = [];
    let outside: Promise<number | undefined> | undefined;
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into shops (id, name) values ('tx-1', 'One')`);
      outside = count(database).then((n) => {
        events.push("outside answered");
        return n;
      });
      await tx.execute(sql`insert into shops (id, name) values ('tx-2', 'Two')`);
      events.push("committing");
    });
    const seen = await outside;
    expect(events).toEqual(["committing", "outside answered"]);
    const after = await count(database);
    expect(seen).toBe(after);
  });

  it("rolls the whole transaction back on a failed statement, with PostgreSQL's error code", async () => {
    const before = await count(database);
    const failure = await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into shops (id, name) values ('dup', 'First')`);
        await tx.execute(sql`insert into shops (id, name) values ('dup', 'Again')`);
      })
      .catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(DrizzleQueryError);
    expect((failure as DrizzleQueryError).cause).toMatchObject({
      code: "23505",
      constraint: "shops_pkey",
    });
    expect(await count(database)).toBe(before);
    // The connection is usable again: the next transaction commits.
    await database.db.transaction((tx) =>
      tx.execute(sql`insert into shops (id, name) values ('dup', 'Third')`),
    );
    expect(await count(database)).toBe((before ?? 0) + 1);
  });

  it("rolls back what the caller's own code threw on, and rethrows it", async () => {
    const before = await count(database);
    const thrown = new Error("the caller changed its mind");
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into shops (id, name) values ('nope', 'Nope')`);
        throw thrown;
      }),
    ).rejects.toBe(thrown);
    expect(await count(database)).toBe(before);
  });

  it("leaves the request thread free while a long query runs", async () => {
    let turns = 0;
    let running = true;
    const spin = (): void => {
      if (!running) return;
      turns++;
      setImmediate(spin);
    };
    spin();
    const [row] = rowsOf<{ n: number }>(
      await database.db.execute(
        sql`select count(*)::int as n from generate_series(1, 3000000) g where g % 7 = 0`,
      ),
    );
    running = false;
    expect(row?.n).toBe(428_571);
    // On the request thread the query would have run to its end without a single turn.
    expect(turns).toBeGreaterThan(1);
  });
});
