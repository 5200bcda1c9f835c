import type { ImportJob } from "@app/shared";
import { stats } from "../../src/testing/sandbox.js";
import { startChildServer } from "../lib/child-server.js";
import { connectShop, createCompany } from "../lib/connect.js";
import type { BenchContext } from "../lib/context.js";
import { api, sleep } from "../lib/http.js";
import { type ImportResult, importResult } from "./import-result.js";

export interface NaiveTarget {
  items: number;
  shop: string;
  realmId: string;
}

/**
 * The product's import, end to end: POST /api/quickbooks/imports on a fresh server process
 * (its VmHWM, reset after start-up, is this import's peak), then poll the job as the SPA does. Wall time is the
 * job's own createdAt → finishedAt. Also connects a second shop to a twin company for the
 * naive importer, which runs later in the bench process on the same database.
 */
export async function runRealImport(
  ctx: BenchContext,
  items: number,
): Promise<{ result: ImportResult; naive: NaiveTarget }> {
  const realmId = await createCompany(ctx.sandbox, `bench-${items}`, items);
  const naiveRealm = await createCompany(ctx.sandbox, `bench-naive-${items}`, items);
  const server = await startChildServer({
    port: ctx.port,
    dataDir: ctx.database.dataDir,
    databaseUrl: ctx.database.url,
    sandboxUrl: ctx.sandbox.url,
    secrets: ctx.secrets,
  });
  try {
    const shop = `import-${items}`;
    const naiveShop = `naive-${items}`;
    const token = await ctx.token(shop);
    await connectShop(server.url, token, realmId);
    await connectShop(server.url, await ctx.token(naiveShop), naiveRealm);
    const before = await stats(ctx.sandbox, realmId);
    const idle = server.rssMb();
    server.resetPeak();
    let job = await api<ImportJob>(server.url, token, "POST", "/api/quickbooks/imports", {
      category: "inventory",
    });
    while (!["succeeded", "failed", "canceled"].includes(job.status)) {
      await sleep(200);
      job = await api<ImportJob>(server.url, token, "GET", `/api/quickbooks/imports/${job.id}`);
    }
    if (job.status !== "succeeded" || job.imported !== items)
      throw new Error(`import of ${items} ended ${job.status}: ${JSON.stringify(job)}`);
    const after = await stats(ctx.sandbox, realmId);
    const wallMs = Date.parse(job.finishedAt ?? "") - Date.parse(job.createdAt);
    const sandboxSide = {
      requests: after.requests - before.requests,
      throttled: after.throttled - before.throttled,
      maxInFlight: after.maxInFlight,
    };
    return {
      result: importResult("real", items, wallMs, sandboxSide, {
        peak: server.peakRssMb(),
        idle,
      }),
      naive: { items, shop: naiveShop, realmId: naiveRealm },
    };
  } finally {
    await server.stop();
  }
}
