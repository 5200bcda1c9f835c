import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { quickBooksConnections } from "../../db/schema/index.js";
import { createCipher } from "../../lib/crypto.js";
import { connectShop } from "../../testing/connect.js";
import { type RunningSandbox, startTestSandbox } from "../../testing/sandbox.js";
import { type TestApp, createTestApp } from "../../testing/test-app.js";
import { testBackends } from "../../testing/test-database.js";

/**
 * Tokens sealed under another TOKEN_ENCRYPTION_KEY (a replica or a new container that did not
 * get the shared key) cannot be decrypted here. The shop is told to reconnect, and can still
 * disconnect, instead of every QuickBooks call answering 500.
 */
describe.each(testBackends())("stored tokens this process cannot read, on %s", (backend) => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  const shop = "shop-other-key";
  const as = async (method: "get" | "delete", path: string) => {
    const agent = request(t.app);
    return (method === "get" ? agent.get(path) : agent.delete(path)).set(
      "authorization",
      `Bearer ${await t.token(shop)}`,
    );
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    t = await createTestApp(backend, { QBO_SANDBOX_URL: sandbox.url });
    expect((await connectShop(t, shop, sandbox.demoRealmId)).status).toBe(200);
    // What another process, with its own key, wrote.
    const other = createCipher(randomBytes(32).toString("base64"));
    await t.deps.db
      .update(quickBooksConnections)
      .set({
        accessTokenSealed: other.encrypt("access"),
        refreshTokenSealed: other.encrypt("refresh"),
      })
      .where(eq(quickBooksConnections.shopId, shop));
  });
  afterAll(async () => {
    await t.close();
    await sandbox.close();
  });

  it("answers 'reconnect QuickBooks' (409), not 500, and shows the connection as needing it", async () => {
    const items = await as("get", "/api/quickbooks/items");
    expect(items.status).toBe(409);
    expect(items.body.error.code).toBe("quickbooks_reconnect_required");
    expect((await as("get", "/api/quickbooks/connection")).body.status).toBe("needs_reconnect");
  });

  it("disconnects all the same", async () => {
    expect((await as("delete", "/api/quickbooks/connection")).status).toBe(204);
    expect((await as("get", "/api/quickbooks/connection")).body).toMatchObject({
      status: "not_connected",
    });
  });
});
