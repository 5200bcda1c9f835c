import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, rowsOf } from "./client.js";
import { DataDirInUseError, LOCK_FILE } from "./pglite-lock.js";

/**
 * A second process opening a PGlite directory makes the first one lose its commits on the
 * next crash (see pglite-lock.ts); an operator starting the server twice on one DATA_DIR gets
 * a clear refusal instead, and a lock left by a killed process does not block the restart.
 */
describe("one process per PGlite directory", () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), "pglite-lock-"));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("refuses a second open while the first is open, and allows it once closed", async () => {
    const dir = fresh();
    const first = await openDatabase({ pgliteDir: dir });
    await expect(openDatabase({ pgliteDir: dir })).rejects.toThrow(DataDirInUseError);
    await first.db.execute(sql`create table kept (n int)`);
    await first.db.execute(sql`insert into kept values (1)`);
    await first.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);

    const second = await openDatabase({ pgliteDir: dir });
    const rows = rowsOf<{ n: number }>(await second.db.execute(sql`select n from kept`));
    expect(rows).toEqual([{ n: 1 }]);
    await second.close();
  }, 30_000);

  it("names the process that holds the directory", async () => {
    const dir = fresh();
    const holder = spawn("sleep", ["30"]);
    try {
      writeFileSync(join(dir, LOCK_FILE), String(holder.pid));
      await expect(openDatabase({ pgliteDir: dir })).rejects.toThrow(
        `in use by process ${holder.pid}`,
      );
    } finally {
      holder.kill("SIGKILL");
    }
  });

  it("takes over a lock left by a process that was killed", async () => {
    const dir = fresh();
    const gone = spawnSync("true").pid; // has exited by now
    writeFileSync(join(dir, LOCK_FILE), String(gone));
    const database = await openDatabase({ pgliteDir: dir });
    await database.ping();
    await database.close();
  }, 30_000);
});
