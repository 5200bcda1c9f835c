import type { ImportJob } from "@app/shared";
import { tmpdir } from "node:os";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { storageGuard } from "../../lib/storage.js";
import { connectShop } from "../../testing/connect.js";
import { type RunningSandbox, startTestSandbox } from "../../testing/sandbox.js";
import { type TestApp, createTestApp } from "../../testing/test-app.js";
import { testBackends } from "../../testing/test-database.js";
import { startWorker, waitForJob } from "./imports.testing.js";

/**
 * The embedded database spins (and the process stops answering) when its disk fills, so an
 * import writes a page only while the disk has room. Here the floor is set above the real
 * free space, which is exactly what a full disk looks like to the guard, then lowered.
 */
describe.each(testBackends())("an import on a full disk, on %s", (backend) => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  let stop: () => Promise<void>;
  let floor = Number.MAX_SAFE_INTEGER; // more than any disk has free
  const shop = "shop-full-disk";

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    t = await createTestApp(backend, {
      QBO_SANDBOX_URL: sandbox.url,
      IMPORT_LEASE_SECONDS: "2", // the sweep that retries a paused import runs every second
    });
    await connectShop(t, shop, sandbox.demoRealmId);
    ({ stop } = await startWorker(t, { storage: storageGuard(tmpdir(), () => floor) }));
  });
  afterAll(async () => {
    await stop();
    await t.close();
    await sandbox.close();
  });

  const get = async (id: string) =>
    (
      await request(t.app)
        .get(`/api/quickbooks/imports/${id}`)
        .set("authorization", `Bearer ${await t.token(shop)}`)
        .expect(200)
    ).body as ImportJob;

  it("pauses with storage_full while the disk is full, answering throughout, and resumes exact when space returns", async () => {
    const started = await request(t.app)
      .post("/api/quickbooks/imports")
      .set("authorization", `Bearer ${await t.token(shop)}`)
      .send({ category: "inventory" })
      .expect(202);
    const id = (started.body as ImportJob).id;
    await vi.waitFor(async () => expect((await get(id)).error?.code).toBe("storage_full"), {
      timeout: 30_000,
    });
    const paused = await get(id);
    expect(["queued", "running"]).toContain(paused.status);
    expect(paused.processed).toBe(0);
    expect(paused.error?.message).toMatch(/disk is full/);
    expect((await request(t.app).get("/healthz")).status).toBe(200);

    floor = 0; // space freed
    const done = await waitForJob(t, shop, id, 60_000);
    expect(done.status).toBe("succeeded");
    expect(done.error).toBeUndefined();
    expect(done.processed).toBe(done.total);
    expect(done.imported).toBe(done.total);
  }, 120_000);
});
