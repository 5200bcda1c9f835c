import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, rowsOf } from "./client.js";
import { DataDirInUseError, LOCK_FILE, lockDataDir, startTime } from "./pglite-lock.js";

const CONTENDER = fileURLToPath(new URL("../testing/pglite-lock-contender.ts", import.meta.url));

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
      writeFileSync(join(dir, LOCK_FILE), `${holder.pid} ${startTime(holder.pid!)}`);
      await expect(openDatabase({ pgliteDir: dir })).rejects.toThrow(
        `in use by process ${holder.pid}`,
      );
      writeFileSync(join(dir, LOCK_FILE), String(holder.pid)); // a lock from before start times
      expect(() => lockDataDir(dir)).toThrow(`in use by process ${holder.pid}`);
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

  it("takes over a lock left by its own pid before a restart (a container's pid 1)", () => {
    const dir = fresh();
    // The killed predecessor had our pid; only its start time differs.
    writeFileSync(join(dir, LOCK_FILE), `${process.pid} 1`);
    const release = lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE), "utf8")).toBe(
      `${process.pid} ${startTime(process.pid)}`,
    );
    release();
    writeFileSync(join(dir, LOCK_FILE), String(process.pid)); // same, from before start times
    lockDataDir(dir)();
  });

  it("takes over a lock whose pid now belongs to an unrelated process", () => {
    const dir = fresh();
    const stranger = spawn("sleep", ["30"]);
    try {
      writeFileSync(join(dir, LOCK_FILE), `${stranger.pid} 1`); // started long before it
      lockDataDir(dir)();
    } finally {
      stranger.kill("SIGKILL");
    }
  });

  it("lets exactly one of several processes starting at once take over a stale lock", async () => {
    const dir = fresh();
    const contenders = Array.from({ length: 6 }, () => contender(dir));
    try {
      await Promise.all(contenders.map((c) => c.next()));
      for (let round = 0; round < 20; round++) {
        writeFileSync(join(dir, LOCK_FILE), String(spawnSync("true").pid)); // a dead holder
        for (const c of contenders) c.send("go");
        const answers = await Promise.all(contenders.map((c) => c.next()));
        expect(
          answers.filter((a) => a === "held"),
          `round ${round}: ${answers.join(", ")}`,
        ).toHaveLength(1);
        expect(answers.filter((a) => a !== "held")).toEqual(
          Array.from({ length: 5 }, () => "refused DataDirInUseError"),
        );
        const holder = contenders[answers.indexOf("held")]!;
        holder.send("release");
        expect(await holder.next()).toBe("released");
      }
    } finally {
      for (const c of contenders) c.child.kill("SIGKILL");
    }
  }, 60_000);
});

/** A separate process that takes the lock when told to (testing/pglite-lock-contender.ts). */
function contender(dir: string) {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", CONTENDER, dir], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return {
    child,
    send: (line: string) => child.stdin!.write(`${line}\n`),
    next: async () => {
      const { value, done } = await lines.next();
      if (done) throw new Error("the contender exited");
      return value;
    },
  };
}
