import { openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import { join } from "node:path";

/**
 * One process at a time in a PGlite directory. PGlite is PostgreSQL in single-user mode: it
 * keeps no postmaster.pid, so nothing stops a second process from opening the same files. When
 * that second one closes, its shutdown checkpoint tells the first one's next crash recovery
 * there is nothing to replay, and every commit since is lost (found by the crash suite: a
 * SIGKILL after a second open lost the last seconds of work). So we keep our own lock file,
 * and a stale one (its process is gone) is taken over.
 */
export const LOCK_FILE = "qbo-server.lock";

export class DataDirInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is in use by process ${pid}. PGlite allows one process: ` +
        `stop the other one, give this one its own DATA_DIR, or use PostgreSQL (DATABASE_URL) ` +
        `to run several. If no such process exists, delete ${join(dir, LOCK_FILE)}.`,
    );
    this.name = "DataDirInUseError";
  }
}

/** Takes the directory's lock (or throws DataDirInUseError); returns its release. */
export function lockDataDir(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(path, "utf8").trim());
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder))
        throw new DataDirInUseError(dir, holder);
      rmSync(path, { force: true }); // left by a process that died; take it over
    }
  }
  throw new Error(`could not lock ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which still means "in use".
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
