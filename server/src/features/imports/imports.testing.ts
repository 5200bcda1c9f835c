import {
  type ImportCategory,
  type ImportJob,
  type ImportRecord,
  ImportRecordsPageSchema,
} from "@app/shared";
import request from "supertest";
import { type WorkerDeps, startImportWorker } from "../../jobs/import-worker.js";
import { startJobQueue } from "../../jobs/queue.js";
import type { TestApp } from "../../testing/test-app.js";

/** Starts pg-boss and the import worker beside a test app, as main.ts does. */
export async function startWorker(t: TestApp, extra: Pick<Partial<WorkerDeps>, "storage"> = {}) {
  const queue = await startJobQueue(t.deps.database, t.deps.logger);
  const worker = await startImportWorker({
    db: t.deps.db,
    boss: queue.boss,
    client: t.deps.qbo.client,
    logger: t.deps.logger,
    leaseSeconds: t.deps.env.IMPORT_LEASE_SECONDS,
    pageSize: t.deps.env.IMPORT_PAGE_SIZE,
    ...extra,
  });
  t.deps.importQueue = worker;
  return {
    worker,
    stop: async () => {
      await worker.stop();
      await queue.stop();
    },
  };
}

export const TERMINAL = new Set(["succeeded", "failed", "canceled"]);

export async function waitForJob(
  t: TestApp,
  shop: string,
  id: string,
  timeoutMs = 30_000,
): Promise<ImportJob> {
  const auth = `Bearer ${await t.token(shop)}`;
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await request(t.app)
      .get(`/api/quickbooks/imports/${id}`)
      .set("authorization", auth)
      .expect(200);
    const job = res.body as ImportJob;
    if (TERMINAL.has(job.status)) return job;
    if (Date.now() > until)
      throw new Error(`import ${id} still ${job.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** POST an import and wait for its end, as the SPA does. */
export async function runImportToEnd(
  t: TestApp,
  shop: string,
  category: ImportCategory,
  dryRun = false,
): Promise<ImportJob> {
  const res = await request(t.app)
    .post("/api/quickbooks/imports")
    .set("authorization", `Bearer ${await t.token(shop)}`)
    .send({ category, dryRun });
  if (res.status !== 202)
    throw new Error(`start import → ${res.status} ${JSON.stringify(res.body)}`);
  return waitForJob(t, shop, (res.body as ImportJob).id);
}

/** Every record of a job, following the keyset cursor. */
export async function allRecords(t: TestApp, shop: string, id: string) {
  const auth = `Bearer ${await t.token(shop)}`;
  const out: ImportRecord[] = [];
  let cursor: string | undefined;
  do {
    const res = await request(t.app)
      .get(`/api/quickbooks/imports/${id}/records`)
      .query({ limit: 1000, ...(cursor ? { cursor } : {}) })
      .set("authorization", auth)
      .expect(200);
    const page = ImportRecordsPageSchema.parse(res.body);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}
