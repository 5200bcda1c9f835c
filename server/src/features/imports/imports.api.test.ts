import { type ImportJob, ImportJobSchema } from "@app/shared";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectShop } from "../../testing/connect.js";
import { type RunningSandbox, admin, startTestSandbox } from "../../testing/sandbox.js";
import { type TestApp, createTestApp } from "../../testing/test-app.js";
import { testBackends } from "../../testing/test-database.js";
import { allRecords, runImportToEnd, startWorker, waitForJob } from "./imports.testing.js";

describe.each(testBackends())("the imports API on %s", (backend) => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  const auth = async (shop: string, role: "owner" | "admin" | "manager" | "technician" = "owner") =>
    `Bearer ${await t.token(shop, role)}`;
  const start = async (
    shop: string,
    body: object,
    role?: "owner" | "admin" | "manager" | "technician",
  ) =>
    request(t.app)
      .post("/api/quickbooks/imports")
      .set("authorization", await auth(shop, role))
      .send(body);

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    // No worker at first: jobs stay queued, which makes the races below deterministic.
    t = await createTestApp(backend, { QBO_SANDBOX_URL: sandbox.url });
    await connectShop(t, "shop-a", sandbox.demoRealmId);
  });
  afterAll(async () => {
    await t.close();
    await sandbox.close();
  });

  it("answers 409 quickbooks_not_connected before QuickBooks is connected", async () => {
    const res = await start("shop-none", { category: "inventory" });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("quickbooks_not_connected");
  });

  it("lets only owners and admins run imports", async () => {
    for (const role of ["manager", "technician"] as const) {
      const res = await start("shop-a", { category: "inventory" }, role);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
  });

  it("validates the request with field paths", async () => {
    const res = await start("shop-a", { category: "vehicles", dryRun: "yes" });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      "body.category",
      "body.dryRun",
    ]);
    await request(t.app)
      .get("/api/quickbooks/imports/not-a-uuid")
      .set("authorization", await auth("shop-a"))
      .expect(400);
  });

  it("turns two simultaneous requests for one category into one job and one 409", async () => {
    const [a, b] = await Promise.all([
      start("shop-a", { category: "customers" }),
      start("shop-a", { category: "customers" }, "admin"),
    ]);
    expect([a.status, b.status].sort()).toEqual([202, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.error.code).toBe("conflict");
    const winner = ImportJobSchema.parse((a.status === 202 ? a : b).body);
    expect(winner).toMatchObject({
      status: "queued",
      category: "customers",
      dryRun: false,
      processed: 0,
      total: null,
    });
    // Another category is independent.
    expect((await start("shop-a", { category: "non_inventory" })).status).toBe(202);

    const canceled = await request(t.app)
      .post(`/api/quickbooks/imports/${winner.id}/cancel`)
      .set("authorization", await auth("shop-a"))
      .expect(200);
    expect(canceled.body).toMatchObject({ status: "canceled" });
    expect((await start("shop-a", { category: "customers" })).status).toBe(202);
  });

  it("previews a category while its real import runs, one of each at a time", async () => {
    await connectShop(t, "shop-p", sandbox.demoRealmId);
    const real = await start("shop-p", { category: "inventory" });
    expect(real.status).toBe(202);
    const preview = await start("shop-p", { category: "inventory", dryRun: true });
    expect(preview.status).toBe(202);
    expect((await start("shop-p", { category: "inventory", dryRun: true })).status).toBe(409);
    expect((await start("shop-p", { category: "inventory" })).status).toBe(409);
    for (const job of [real, preview])
      await request(t.app)
        .post(`/api/quickbooks/imports/${(job.body as ImportJob).id}/cancel`)
        .set("authorization", await auth("shop-p"))
        .expect(200);
  });

  it("lists newest first, filtered by category, and runs what waited once a worker starts", async () => {
    const list = await request(t.app)
      .get("/api/quickbooks/imports?category=customers&limit=5")
      .set("authorization", await auth("shop-a", "technician"))
      .expect(200);
    const items = list.body.items as ImportJob[];
    expect(items.map((j) => j.status)).toEqual(["queued", "canceled"]);
    expect(items.every((j) => j.category === "customers")).toBe(true);

    // Those jobs were never handed to a queue (no worker ran). Once their lease lapses, the
    // worker's start-up sweep finds and runs them: a job row is never stranded.
    const all = (
      await request(t.app)
        .get("/api/quickbooks/imports")
        .set("authorization", await auth("shop-a"))
    ).body.items as ImportJob[];
    const waiting = all.filter((j) => j.status === "queued");
    expect(waiting).toHaveLength(2);
    await t.deps.db.execute(
      "update import_jobs set lease_expires_at = now() - interval '1 second' where status = 'queued'",
    );
    const { stop } = await startWorker(t);
    try {
      for (const j of waiting)
        expect((await waitForJob(t, "shop-a", j.id)).status).toBe("succeeded");
    } finally {
      await stop();
    }
  });

  it("pages records with a cursor and filters by outcome", async () => {
    const { stop } = await startWorker(t);
    try {
      const job = await runImportToEnd(t, "shop-a", "inventory", true);
      const first = await request(t.app)
        .get(`/api/quickbooks/imports/${job.id}/records?limit=10`)
        .set("authorization", await auth("shop-a"))
        .expect(200);
      expect(first.body.items).toHaveLength(10);
      expect(first.body.nextCursor).toMatch(/^\d+$/);
      const all = await allRecords(t, "shop-a", job.id);
      expect(new Set(all.map((r) => r.quickBooksId)).size).toBe(job.total);
      const skipped = await request(t.app)
        .get(`/api/quickbooks/imports/${job.id}/records?outcome=imported&limit=1000`)
        .set("authorization", await auth("shop-a"))
        .expect(200);
      expect(skipped.body.items).toHaveLength(job.imported);
      await request(t.app)
        .get(`/api/quickbooks/imports/${job.id}/records?cursor=abc`)
        .set("authorization", await auth("shop-a"))
        .expect(400);

      const csv = await request(t.app)
        .get(`/api/quickbooks/imports/${job.id}/records.csv`)
        .set("authorization", await auth("shop-a"))
        .expect(200);
      expect(csv.headers["content-type"]).toContain("text/csv");
      expect(csv.headers["content-disposition"]).toContain(`quickbooks-import-${job.id}.csv`);
      const lines = csv.text
        .replace(/^\uFEFF/, "")
        .trimEnd()
        .split("\r\n");
      expect(lines[0]).toBe("quickbooks_id,name,outcome,reason,record_id");
      expect(lines).toHaveLength(job.total! + 1);
      expect(csv.text).toContain('11,"Wiper Blade 22""",imported,,');
      expect(csv.text).toContain("Air freshener 🌲");
    } finally {
      await stop();
    }
  });

  it("fails with quickbooks_reconnect_required when Intuit refuses the refresh token", async () => {
    await connectShop(t, "shop-r", sandbox.demoRealmId);
    const { stop } = await startWorker(t);
    try {
      await admin(sandbox, "POST", "/faults", {
        expireAccessTokens: true,
        revokeRefreshTokens: true,
      });
      const job = await runImportToEnd(t, "shop-r", "customers");
      expect(job.status).toBe("failed");
      expect(job.error?.code).toBe("quickbooks_reconnect_required");
      expect(job.finishedAt).toBeTruthy();
    } finally {
      await admin(sandbox, "DELETE", "/faults");
      await stop();
    }
  });
});
