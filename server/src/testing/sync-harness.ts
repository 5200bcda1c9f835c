import { createHmac } from "node:crypto";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import request from "supertest";
import { parts, stockMovements } from "../db/schema/index.js";
import { connectShop } from "./connect.js";
import { type RunningSandbox, admin, startTestSandbox } from "./sandbox.js";
import { type TestApp, createTestApp } from "./test-app.js";
import type { Backend } from "./test-database.js";
import { runImportToEnd } from "../features/imports/imports.testing.js";
import type { SyncWorker } from "../features/sync/sync.worker.js";
import { startWorkers } from "../jobs/workers.js";

export const VERIFIER = "sync-test-verifier";

export interface SyncHarness {
  sandbox: RunningSandbox;
  t: TestApp;
  sync: SyncWorker;
  webhookUrl: string;
  close(): Promise<void>;
}

/**
 * The app on a real port (the sandbox must reach its webhook endpoint), the sandbox sending
 * signed webhooks there, and the import and sync workers running as in main.ts.
 */
export async function startSyncHarness(
  backend: Backend,
  env: Record<string, string> = {},
  opts: { invoices?: boolean; adjustments?: boolean } = {},
): Promise<SyncHarness> {
  const sandbox = await startTestSandbox({
    webhookVerifierToken: VERIFIER,
    webhookRetryDelaysMs: [100, 300],
  });
  const t = await createTestApp(backend, {
    QBO_SANDBOX_URL: sandbox.url,
    QBO_WEBHOOK_VERIFIER_TOKEN: VERIFIER,
    ...env,
  });
  const server: Server = createServer(t.app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/quickbooks/webhooks`;
  await admin(sandbox, "PUT", "/webhook", { url: webhookUrl, verifierToken: VERIFIER });
  // A long tick and sweeps: tests call tick()/catchUp() themselves so nothing races them.
  const workers = await startWorkers(t.deps, {
    only: [
      "imports",
      "sync",
      ...(opts.invoices ? (["invoices"] as const) : []),
      ...(opts.adjustments ? (["adjustments"] as const) : []),
    ],
    syncTickSeconds: 3600,
    catchUpSeconds: 3600,
    sweepSeconds: 3600,
  });
  return {
    sandbox,
    t,
    sync: workers.sync!,
    webhookUrl,
    async close() {
      await workers.stop();
      await new Promise((r) => server.close(r));
      await t.close();
      await sandbox.close();
    },
  };
}

/** A fresh copy of the demo company, connected to `shop` and its inventory imported. */
export async function connectedShopWithInventory(h: SyncHarness, shop: string, name: string) {
  const { realmId } = await admin<{ realmId: string }>(h.sandbox, "POST", "/companies", { name });
  await connectShop(h.t, shop, realmId);
  const job = await runImportToEnd(h.t, shop, "inventory");
  if (job.status !== "succeeded") throw new Error(`import ${job.status}`);
  return realmId;
}

export const sign = (body: string, token = VERIFIER) =>
  createHmac("sha256", token).update(body, "utf8").digest("base64");

export const postWebhook = (h: SyncHarness, body: string, signature = sign(body)) =>
  request(h.t.app)
    .post("/api/quickbooks/webhooks")
    .set("content-type", "application/json")
    .set("intuit-signature", signature)
    .send(body);

export const itemEvent = (realmId: string, id: string, lastUpdated = new Date().toISOString()) =>
  JSON.stringify({
    eventNotifications: [
      {
        realmId,
        dataChangeEvent: { entities: [{ name: "Item", id, operation: "Update", lastUpdated }] },
      },
    ],
  });

/** A change made in QuickBooks (the sandbox doesn't know or care who calls). */
export async function changeItem(
  h: SyncHarness,
  shop: string,
  id: string,
  fields: Record<string, unknown>,
) {
  const read = await h.t.deps.qbo.client.call<{ Item: { SyncToken: string } }>(shop, {
    method: "GET",
    path: `item/${id}`,
  });
  const res = await h.t.deps.qbo.client.call<{ Item: Record<string, unknown> }>(shop, {
    method: "POST",
    path: "item",
    body: { Id: id, SyncToken: read.Item.SyncToken, sparse: true, ...fields },
  });
  return res.Item;
}

export async function partOf(h: SyncHarness, shop: string, itemRef: string) {
  const [part] = await h.t.deps.db
    .select()
    .from(parts)
    .where(and(eq(parts.shopId, shop), eq(parts.quickBooksItemRef, itemRef)));
  if (!part) throw new Error(`no part for item ${itemRef}`);
  return part;
}

export const quickbooksMovements = (h: SyncHarness, partId: string) =>
  h.t.deps.db
    .select()
    .from(stockMovements)
    .where(and(eq(stockMovements.partId, partId), eq(stockMovements.reason, "quickbooks")));

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until the shop has no pending webhook work (the worker drained it). */
export async function drained(h: SyncHarness): Promise<void> {
  await waitFor("pending sync work to drain", async () => {
    const rows = await h.t.deps.db.query.syncPending.findMany();
    return rows.length === 0;
  });
}

/** A change QuickBooks makes without announcing it (as if the webhook were lost). */
export async function changeItemQuietly(
  h: SyncHarness,
  shop: string,
  id: string,
  fields: Record<string, unknown>,
) {
  // With no URL registered the sandbox drops events as they happen (nothing is queued to be
  // sent once the URL is back), so there is no batching window to wait out.
  await admin(h.sandbox, "PUT", "/webhook", { url: null });
  try {
    return await changeItem(h, shop, id, fields);
  } finally {
    await admin(h.sandbox, "PUT", "/webhook", { url: h.webhookUrl, verifierToken: VERIFIER });
  }
}

export async function api(
  h: SyncHarness,
  shop: string,
  method: "get" | "put" | "post",
  path: string,
  body?: object,
  role: "owner" | "technician" = "owner",
) {
  const agent = request(h.t.app);
  const req = (
    method === "get" ? agent.get(path) : method === "put" ? agent.put(path) : agent.post(path)
  ).set("authorization", `Bearer ${await h.t.token(shop, role)}`);
  return body ? req.send(body) : req;
}
