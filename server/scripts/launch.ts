/**
 * `pnpm start`: the BFF, plus the offline QBO sandbox when no real Intuit app is configured
 * (QBO_ENVIRONMENT=local). The BFF never imports the sandbox; they are two processes talking
 * HTTP, as the BFF and Intuit would.
 * `pnpm dev` (`--dev`): the same, with the BFF restarted on every change and Vite's dev server
 * for the SPA beside them (http://localhost:5173, proxying /api to the BFF), in one terminal.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join, resolve } from "node:path";
import { loadDotEnv } from "../src/config/dotenv.js";
import { parseEnv, sandboxUrl } from "../src/config/env.js";
import { NODE_FLAGS } from "./node-flags.js";

// The launcher decides whether to start the sandbox, so it must see .env as the BFF does.
loadDotEnv();
const env = parseEnv();
const root = resolve(import.meta.dirname, "..");
const children: ChildProcess[] = [];
const dev = process.argv.includes("--dev");

function run(
  file: string,
  extraEnv: Record<string, string>,
  opts: { watch?: boolean } = {},
): ChildProcess {
  const args = [
    ...(opts.watch ? ["--watch"] : []),
    ...NODE_FLAGS,
    "--import",
    "tsx",
    join(root, file),
  ];
  const child = spawn(process.execPath, args, {
    // The IPC channel lets a child notice when this launcher is gone, even after a SIGKILL.
    stdio: ["inherit", "inherit", "inherit", "ipc"],
    env: { ...process.env, ...extraEnv },
  });
  child.on("exit", (code) => {
    // One process gone means the app is broken: stop the other and report.
    for (const other of children)
      if (other !== child && other.exitCode === null) other.kill("SIGTERM");
    process.exitCode = code ?? 1;
  });
  children.push(child);
  return child;
}

async function waitFor(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

const startSandbox = env.QBO_ENVIRONMENT === "local" && env.QBO_SANDBOX_URL === undefined;
if (startSandbox) {
  run("src/qbo-sandbox/main.ts", {
    QBO_SANDBOX_PORT: String(env.QBO_SANDBOX_PORT),
    QBO_SANDBOX_STATE_FILE: join(resolve(env.DATA_DIR), "qbo-sandbox.json"),
    QBO_SANDBOX_WEBHOOK_URL: `http://127.0.0.1:${env.PORT}/api/quickbooks/webhooks`,
  });
  await waitFor(`${sandboxUrl(env)}/_sandbox/companies`, 30_000);
}
run("src/main.ts", {}, { watch: dev });
if (dev) {
  // Vite itself, not through pnpm: a signal to the launcher must reach the process that serves.
  const web = resolve(root, "../web");
  const vite = spawn(process.execPath, [join(web, "node_modules/vite/bin/vite.js")], {
    cwd: web,
    stdio: ["inherit", "inherit", "inherit"],
  });
  vite.on("exit", (code) => {
    for (const other of children) if (other.exitCode === null) other.kill("SIGTERM");
    process.exitCode = code ?? 1;
  });
  children.push(vite);
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  });
}
