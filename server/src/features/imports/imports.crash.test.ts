import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { ImportJob } from "@app/shared";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, rowsOf } from "../../db/client.js";
import { signSessionToken } from "../../lib/session-token.js";
import { type RunningSandbox, admin, startTestSandbox } from "../../testing/sandbox.js";
import { ServerProcess, freePort } from "../../testing/server-process.js";
import { testBackends } from "../../testing/test-database.js";

const ITEMS = 2500;

describe.each(testBackends())("an import survives the server being killed (%s)", (backend) => {
  let sandbox: RunningSandbox;
  let server: ServerProcess;
  let cleanup: () => Promise<void> = async () => {};
  const secret = randomBytes(32).toString("base64url");
  let token = "";
  const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(`${server.url}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        ...init.headers,
      },
    });
    if (!res.ok) throw new Error(`${path} → ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const job = (id: string) => api<ImportJob>(`/api/quickbooks/imports/${id}`);

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    const env: Record<string, string> = {
      NODE_ENV: "test",
      SESSION_SECRET: secret,
      TOKEN_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      QBO_SANDBOX_URL: sandbox.url,
      IMPORT_LEASE_SECONDS: "2",
      IMPORT_PAGE_SIZE: "100",
      LOG_LEVEL: "info",
    };
    const dataDir = `/tmp/qbo-crash-${randomBytes(4).toString("hex")}`;
    env.DATA_DIR = dataDir;
    if (backend === "postgres") {
      const name = `crash_${randomBytes(5).toString("hex")}`;
      const base = process.env.DATABASE_URL!;
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`create database ${name}`);
      await c.end();
      const url = new URL(base);
      url.pathname = `/${name}`;
      env.DATABASE_URL = url.toString();
      cleanup = async () => {
        const d = new pg.Client({ connectionString: base });
        await d.connect();
        await d.query(`drop database if exists ${name} with (force)`);
        await d.end();
      };
    }
    server = new ServerProcess(await freePort(), env);
    token = (
      await signSessionToken(new TextEncoder().encode(secret), {
        shop: "shop-crash",
        sub: "u1",
        name: "Crash Tester",
        role: "owner",
      })
    ).token;
    const prev = cleanup;
    cleanup = async () => {
      await prev();
      rmSync(dataDir, { recursive: true, force: true });
    };
  });
  afterAll(async () => {
    await server?.kill("SIGKILL");
    await sandbox.close();
    await cleanup();
  });

  it("resumes at its cursor after SIGKILL and ends with exactly the counts of an uninterrupted run", async () => {
    await server.start();
    const { realmId } = await admin<{ realmId: string }>(sandbox, "POST", "/companies", {
      seed: "crash",
      items: { inventory: ITEMS, nonInventory: 0, service: 0 },
      customers: 0,
      vendors: 5,
    });
    const { authorizeUrl } = await api<{ authorizeUrl: string }>("/api/quickbooks/connection", {
      method: "POST",
    });
    const consent = await fetch(`${authorizeUrl}&auto_approve_realm=${realmId}`, {
      redirect: "manual",
    });
    const back = new URL(consent.headers.get("location")!);
    expect((await fetch(`${server.url}${back.pathname}${back.search}`)).status).toBe(200);

    // Slow QuickBooks down so the import takes seconds, then kill the process mid-way.
    await admin(sandbox, "POST", "/faults", { realmId, latencyMs: 300 });
    const started = await api<ImportJob>("/api/quickbooks/imports", {
      method: "POST",
      body: JSON.stringify({ category: "inventory" }),
    });
    let seen = started;
    while (seen.processed < 500) {
      await new Promise((r) => setTimeout(r, 30));
      seen = await job(started.id);
    }
    await server.kill("SIGKILL");
    expect(seen.status).toBe("running");
    expect(seen.processed).toBeLessThan(ITEMS);

    await admin(sandbox, "DELETE", "/faults");
    server.output = "";
    await server.start();
    let done = await job(started.id);
    const deadline = Date.now() + 30_000;
    while (!["succeeded", "failed", "canceled"].includes(done.status) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      done = await job(started.id);
    }
    expect(done).toMatchObject({
      status: "succeeded",
      total: ITEMS,
      processed: ITEMS,
      imported: ITEMS,
      updated: 0,
      skipped: 0,
    });
    expect(server.output).toMatch(/"resumeAtPage":[1-9]\d*[^\n]*import resumed/);

    // No duplicates anywhere: one part per item, one record per item, one movement per part.
    const records = await api<{ items: { quickBooksId: string }[] }>(
      `/api/quickbooks/imports/${started.id}/records?limit=1000`,
    );
    expect(records.items).toHaveLength(1000);
    const csv = await fetch(`${server.url}/api/quickbooks/imports/${started.id}/records.csv`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((r) => r.text());
    const ids = csv
      .trimEnd()
      .split("\r\n")
      .slice(1)
      .map((l) => l.split(",")[0]);
    expect(ids).toHaveLength(ITEMS);
    expect(new Set(ids).size).toBe(ITEMS);

    // Stop it the polite way (SIGTERM), then look at the rows themselves: one part per item.
    await server.kill("SIGTERM");
    expect(server.child?.exitCode).toBe(0);
    const database = await openDatabase({
      url: server.env.DATABASE_URL,
      pgliteDir: join(server.env.DATA_DIR!, "pglite"),
    });
    try {
      const [row] = rowsOf<{ parts: number; refs: number; moves: number }>(
        await database.db.execute(sql`select
          (select count(*)::int from parts where shop_id = 'shop-crash') as parts,
          (select count(distinct quickbooks_item_ref)::int from parts where shop_id = 'shop-crash') as refs,
          (select count(*)::int from stock_movements where shop_id = 'shop-crash') as moves`),
      );
      expect(row).toMatchObject({ parts: ITEMS, refs: ITEMS });
      expect(row!.moves).toBeLessThanOrEqual(ITEMS); // at most one "import" movement per created part
    } finally {
      await database.close();
    }
  });
});
