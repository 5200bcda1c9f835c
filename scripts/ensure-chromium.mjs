#!/usr/bin/env node
// The e2e journeys drive Debian's Chromium, never a downloaded browser (see README.md, Quick start).
// Present → go on; root → install it; anyone else → stop with the one line to run.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM = "/usr/bin/chromium";

if (existsSync(CHROMIUM)) process.exit(0);

if (process.getuid?.() === 0) {
  console.log(`${CHROMIUM} is missing; installing Debian's chromium package…`);
  const result = spawnSync("sh", ["-c", "apt-get update && apt-get install -y chromium"], {
    stdio: "inherit",
  });
  process.exit(result.status === 0 && existsSync(CHROMIUM) ? 0 : 1);
}

console.error(`${CHROMIUM} is missing. Install it, then run the tests again:`);
console.log("sudo apt-get install -y chromium");
process.exit(1);
