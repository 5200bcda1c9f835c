#!/usr/bin/env node
// Runs the unit/integration suites while every core is kept busy by another process, the way a
// shared CI machine or a laptop mid-build runs them. A test that waits for a delay instead of its
// outcome fails here; one that waits for its outcome only gets slower.
//
//   pnpm test:stress                      web, shared and server suites once each
//   pnpm test:stress --runs 3 web         the web suite three times in a row
//   pnpm test:stress server -- src/features/sync/sync.webhook.test.ts   chosen files only
//
// Everything after `--` goes to vitest. The exit code is non-zero as soon as one run fails.
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";

const SUITES = { web: "@app/web", shared: "@app/shared", server: "@app/server" };

const args = process.argv.slice(2);
const dashes = args.indexOf("--");
const own = dashes === -1 ? args : args.slice(0, dashes);
const vitestArgs = dashes === -1 ? [] : args.slice(dashes + 1);
let runs = 1;
const chosen = [];
for (let i = 0; i < own.length; i++) {
  const arg = own[i];
  if (arg === "--runs") runs = Number(own[++i]);
  else if (arg.startsWith("--runs=")) runs = Number(arg.slice("--runs=".length));
  else if (arg in SUITES) chosen.push(arg);
  else {
    console.error(`unknown argument ${arg}; expected --runs N, ${Object.keys(SUITES).join(", ")}`);
    process.exit(2);
  }
}
if (!Number.isInteger(runs) || runs < 1) {
  console.error("--runs needs a positive whole number");
  process.exit(2);
}
const suites = chosen.length > 0 ? chosen : Object.keys(SUITES);

// One busy loop per core, in separate processes so they compete with the tests for the CPU
// exactly like another program would (same priority, no cooperation).
const burners = Array.from({ length: availableParallelism() }, () =>
  spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" }),
);
const stopBurners = () => {
  for (const b of burners) if (b.exitCode === null && b.signalCode === null) b.kill("SIGKILL");
};
process.on("exit", stopBurners);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    stopBurners();
    process.exit(130);
  });
}

function run(pkg) {
  return new Promise((resolve) => {
    const child = spawn("pnpm", ["--filter", pkg, "exec", "vitest", "run", ...vitestArgs], {
      stdio: "inherit",
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

console.log(
  `${burners.length} CPU-burning processes started; ${runs} run(s) of ${suites.join(", ")}`,
);
const results = [];
let failed = false;
for (let r = 1; r <= runs && !failed; r++) {
  for (const suite of suites) {
    const began = Date.now();
    const code = await run(SUITES[suite]);
    const seconds = ((Date.now() - began) / 1000).toFixed(1);
    results.push(`run ${r}/${runs} ${suite}: ${code === 0 ? "passed" : "FAILED"} in ${seconds} s`);
    console.log(`\n[test:stress] ${results.at(-1)}\n`);
    if (code !== 0) {
      failed = true;
      break;
    }
  }
}
stopBurners();
console.log(`[test:stress] under load:\n  ${results.join("\n  ")}`);
process.exit(failed ? 1 : 0);
