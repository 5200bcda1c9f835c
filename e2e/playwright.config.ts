import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { defineConfig } from "@playwright/test";

// Overridable so two runs (or a run beside a dev server) don't fight over ports.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? PORT + 1010);
// Journeys that drive the sandbox's admin API read its URL from here (workers inherit it).
process.env.E2E_SANDBOX_URL = `http://127.0.0.1:${SANDBOX_PORT}`;
const repoRoot = resolve(import.meta.dirname, "..");

const PREFIX = "qbo-e2e-";
const STALE_MS = 6 * 60 * 60_000;

/**
 * The server still holds the data dir when the run ends, so each run sweeps the leftovers of
 * earlier ones instead (old enough that no concurrent run can still be using them).
 */
function sweepStaleDataDirs(): void {
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = join(tmpdir(), name);
    if (Date.now() - statSync(dir).mtimeMs > STALE_MS)
      rmSync(dir, { recursive: true, force: true });
  }
}

if (!process.env.E2E_DATA_DIR) sweepStaleDataDirs();
// A fresh database per run, so journeys never see an earlier run's rows. Set once in the
// runner process; workers inherit it instead of creating their own.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), PREFIX));
// No Shopmonkey secret: the server runs in demo mode and plays the host.
delete process.env.SESSION_SECRET;

export default defineConfig({
  testDir: "tests",
  workers: 1,
  retries: 0,
  reporter: "list",
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: "chromium",
    headless: true,
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: "pnpm --filter @app/web build && pnpm --filter @app/server start",
    cwd: repoRoot,
    url: `http://127.0.0.1:${PORT}/readyz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      // Intuit redirects the popup here; it must be the page's own origin for postMessage.
      PUBLIC_URL: `http://127.0.0.1:${PORT}`,
      QBO_SANDBOX_PORT: String(SANDBOX_PORT),
      DATA_DIR: process.env.E2E_DATA_DIR,
      LOG_LEVEL: "warn",
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    },
  },
});
