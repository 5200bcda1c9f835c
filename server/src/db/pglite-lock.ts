import { randomBytes } from "node:crypto";
import { linkSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * One process at a time in a PGlite directory. PGlite is PostgreSQL in single-user mode: it
 * keeps no postmaster.pid, so nothing stops a second process from opening the same files. When
 * that second one closes, its shutdown checkpoint tells the first one's next crash recovery
 * there is nothing to replay, and every commit since is lost (found by the crash suite: a
 * SIGKILL after a second open lost the last seconds of work). So we keep our own lock file,
 * and a stale one (its process is gone) is taken over.
 *
 * - A holder is its pid AND its start time (from /proc), not the pid alone: in a container
 *   every start is pid 1 again, and after a SIGKILL the restarted server must not mistake its
 *   dead predecessor for a live holder (that was a crash loop under a restart policy).
 * - Taking over a stale lock happens under a second, exclusively created file, and re-checks
 *   the lock inside it: of several processes starting at once on a stale lock, exactly one
 *   ends up holding it (check-then-remove-then-create let two of them in).
 */
export const LOCK_FILE = "qbo-server.lock";
const TAKEOVER_FILE = `${LOCK_FILE}.takeover`;
/** A takeover takes milliseconds; one older than this was left by a process killed inside it. */
const TAKEOVER_STALE_MS = 10_000;

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

/** Who holds a lock: "<pid> <start time>", or "<pid>" where /proc is missing (or old files). */
interface Holder {
  pid: number;
  start?: string;
}

/** Lock paths this process holds, so a second open in the same process is refused too. */
const heldHere = new Set<string>();

/** Takes the directory's lock (or throws DataDirInUseError); returns its release. */
export function lockDataDir(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  const me = self();
  for (const until = Date.now() + TAKEOVER_STALE_MS + 5_000; Date.now() < until;) {
    if (create(path, me)) return release(path);
    const holder = readHolder(path);
    if (holder && isLive(holder, path)) throw new DataDirInUseError(dir, holder.pid);
    // Stale (or vanished meanwhile): take it over, one process at a time.
    const takeover = join(dir, TAKEOVER_FILE);
    if (!create(takeover, me)) {
      clearStaleTakeover(takeover);
      pause(10); // another process is taking over; its outcome decides ours
      continue;
    }
    try {
      const now = readHolder(path);
      if (now && isLive(now, path)) throw new DataDirInUseError(dir, now.pid);
      rmSync(path, { force: true });
      if (create(path, me)) return release(path);
      // Someone created it between our remove and our create (they found no file): theirs.
    } finally {
      rmSync(takeover, { force: true });
    }
  }
  throw new Error(`could not lock ${dir}`);
}

function release(path: string): () => void {
  heldHere.add(path);
  return () => {
    heldHere.delete(path);
    rmSync(path, { force: true });
  };
}

/**
 * Creates `path` holding `holder`, atomically and already written (a hard link of a private
 * file: another process never sees it empty); false if it exists.
 */
function create(path: string, holder: string): boolean {
  const own = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(own, holder);
  try {
    linkSync(own, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    rmSync(own, { force: true });
  }
}

function readHolder(path: string): Holder | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const [pid, start] = text.split(/\s+/);
  const n = Number(pid);
  // Unreadable (never written whole: files are linked in complete): nobody holds it.
  if (!Number.isInteger(n) || n <= 0) return undefined;
  return start ? { pid: n, start } : { pid: n };
}

function self(): string {
  const start = startTime(process.pid);
  return start ? `${process.pid} ${start}` : String(process.pid);
}

function isLive(holder: Holder, path: string): boolean {
  // Our own pid: either this very process holds it, or a predecessor that had our pid did.
  if (holder.pid === process.pid) return heldHere.has(path);
  if (!pidExists(holder.pid)) return false;
  // The pid exists; with another start time it was reused by an unrelated process. (If its
  // start time cannot be read, it may be the holder: live.)
  const start = holder.start === undefined ? undefined : startTime(holder.pid);
  return start === undefined || start === holder.start;
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, which still means "in use".
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * When the process started, in clock ticks since boot (field 22 of /proc/<pid>/stat): with the
 * pid, it names one process for the machine's uptime. Undefined without /proc.
 */
export function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces; fields go on after it.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

/**
 * Removes a takeover file left by a process that died inside its takeover. Only an old one: a
 * fresh file may be another process's takeover that just replaced the dead one.
 */
function clearStaleTakeover(path: string): void {
  try {
    if (Date.now() - statSync(path).mtimeMs <= TAKEOVER_STALE_MS) return;
    const holder = readHolder(path);
    if (!holder || !isLive(holder, path)) rmSync(path, { force: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
