import {
  type ImportCategory,
  type ImportJob,
  type ImportRecord,
  ImportRecordsPageSchema,
} from "@app/shared";
import request from "supertest";
import { type StartWorkersOptions, startWorkers } from "../../jobs/workers.js";
import type { TestApp } from "../../testing/test-app.js";

/**
 * The background work of main.ts (jobs/workers.ts) beside a test app: the import and export
 * workers, which is what an import or a reconciliation story needs.
 */
export async function startWorker(t: TestApp, extra: Pick<StartWorkersOptions, "storage"> = {}) {
  const workers = await startWorkers(t.deps, { only: ["imports", "exports"], ...extra });
  return { worker: workers.imports!, stop: () => workers.stop() };
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
