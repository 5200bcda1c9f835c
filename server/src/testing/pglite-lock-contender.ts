/**
 * A process that competes for a PGlite directory's lock, for pglite-lock.test.ts. Commands on
 * stdin, one per line: `go` tries to take the lock (answers `held` or `refused`), `release`
 * gives it back (answers `released`). Prints `ready` once loaded, so a test can start several
 * and send them `go` at the same moment.
 */
import { createInterface } from "node:readline";
import { lockDataDir } from "../db/pglite-lock.js";

const dir = process.argv[2]!;
let release: (() => void) | undefined;
const lines = createInterface({ input: process.stdin });
lines.on("line", (line) => {
  if (line === "go") {
    try {
      release = lockDataDir(dir);
      console.log("held");
    } catch (error) {
      console.log(`refused ${(error as Error).name}`);
    }
  } else if (line === "release") {
    release?.();
    release = undefined;
    console.log("released");
  }
});
lines.on("close", () => process.exit(0));
console.log("ready");
