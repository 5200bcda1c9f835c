import request from "supertest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { connectShop, openConsent } from "../../testing/connect.js";
import { type RunningSandbox, admin, startTestSandbox, stats } from "../../testing/sandbox.js";
import { type TestApp, createTestApp } from "../../testing/test-app.js";
import { testBackends } from "../../testing/test-database.js";
import { rowsOf } from "../../db/client.js";

describe.each(testBackends())("connecting QuickBooks on %s", (backend) => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  const bearer = async (shop: string, role: "owner" | "technician" = "owner") =>
    `Bearer ${await t.token(shop, role)}`;
  const connection = async (shop: string) =>
    (
      await request(t.app)
        .get("/api/quickbooks/connection")
        .set("authorization", await bearer(shop))
    ).body;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    t = await createTestApp(backend, { QBO_SANDBOX_URL: sandbox.url });
  });
  afterAll(async () => {
    await t.close();
    await sandbox.close();
  });
  beforeEach(async () => {
    await admin(sandbox, "DELETE", "/faults");
  });

  it("connects through Intuit's consent and shows the company, who and when", async () => {
    const done = await connectShop(t, "shop-a", sandbox.demoRealmId);
    expect(done.status).toBe(200);
    expect(done.text).toContain("QuickBooks is connected");
    const c = await connection("shop-a");
    expect(c).toMatchObject({
      status: "connected",
      realmId: sandbox.demoRealmId,
      connectedBy: "owner of shop-a",
    });
    expect(c.companyName).toBe("Riverside Auto Parts (sandbox)");
    expect(new Date(c.refreshTokenExpiresAt).getTime()).toBeGreaterThan(
      Date.now() + 90 * 86_400_000,
    );
  });

  it("never shows shop A's connection to shop B", async () => {
    expect(await connection("shop-b")).toEqual({ status: "not_connected" });
  });

  it("keeps tokens out of responses, logs and plaintext columns", async () => {
    const stored = await t.deps.qbo.store.read("shop-a");
    expect(stored?.tokens.accessToken.length).toBeGreaterThan(10);
    const secrets = [stored!.tokens.accessToken, stored!.tokens.refreshToken];
    const raw = rowsOf<Record<string, unknown>>(
      await t.deps.db.execute("select * from quickbooks_connections"),
    );
    const dump =
      JSON.stringify(raw) + t.logs.join("\n") + JSON.stringify(await connection("shop-a"));
    for (const secret of secrets) expect(dump).not.toContain(secret);
  });

  it("rejects a replayed state and a forged one, changing nothing", async () => {
    const token = await bearer("shop-c");
    const consent = await openConsent(t, "shop-c", sandbox.demoRealmId);
    await request(t.app).get(consent.callback).set("cookie", consent.cookie).expect(200);
    await request(t.app)
      .delete("/api/quickbooks/connection")
      .set("authorization", token)
      .expect(204);

    const replay = await request(t.app)
      .get(consent.callback)
      .set("cookie", consent.cookie)
      .expect(400);
    expect(replay.text).toContain("expired or was already used");
    const back = new URL(consent.callback, "http://x");
    back.searchParams.set("state", "forged-state-value");
    await request(t.app).get(`${back.pathname}${back.search}`).expect(400);
    expect(await connection("shop-c")).toMatchObject({ status: "not_connected" });
  });

  it("says clearly when the shop cancels at Intuit", async () => {
    const { state, cookie } = await openConsent(t, "shop-d", sandbox.demoRealmId, false);
    const res = await request(t.app)
      .get(`/api/quickbooks/oauth/callback?error=access_denied&state=${state}`)
      .set("cookie", cookie)
      .expect(400);
    expect(res.text).toContain("cancelled");
    expect(await connection("shop-d")).toEqual({ status: "not_connected" });
  });

  it("speaks French on the popup's page when the app asked for it at the start", async () => {
    const consent = await openConsent(t, "shop-fr", sandbox.demoRealmId, true, "fr");
    const done = await request(t.app)
      .get(consent.callback)
      .set("cookie", consent.cookie)
      .set("accept-language", "en-US")
      .expect(200);
    expect(done.headers["content-language"]).toBe("fr");
    expect(done.text).toContain('<html lang="fr">');
    expect(done.text).toContain("QuickBooks est connecté. Vous pouvez fermer cette fenêtre.");
    expect(done.text).toContain("Retour aux paramètres QuickBooks");
    expect(done.text).not.toContain("You can close this window");
  });

  it("speaks the browser's language on the popup's page when the start carried none", async () => {
    const { state, cookie } = await openConsent(t, "shop-fr2", sandbox.demoRealmId, false);
    const res = await request(t.app)
      .get(`/api/quickbooks/oauth/callback?error=access_denied&state=${state}`)
      .set("cookie", cookie)
      .set("accept-language", "fr-CA,fr;q=0.9,en;q=0.8")
      .expect(400);
    expect(res.text).toContain("La connexion a été annulée dans QuickBooks. Rien n'a changé.");
    const expired = await request(t.app)
      .get("/api/quickbooks/oauth/start?state=unknown&lang=fr")
      .expect(400);
    expect(expired.text).toContain("Ce lien de connexion a expiré ou a déjà servi.");
  });

  it("lets only owners and admins connect", async () => {
    const res = await request(t.app)
      .post("/api/quickbooks/connection")
      .set("authorization", await bearer("shop-a", "technician"))
      .expect(403);
    expect(res.body.error.code).toBe("forbidden");
  });

  it("refreshes exactly once when 20 calls meet an expired access token", async () => {
    await admin(sandbox, "POST", "/faults", { expireAccessTokens: true });
    const before = await stats(sandbox, sandbox.demoRealmId);
    const calls = Array.from({ length: 20 }, () =>
      t.deps.qbo.client.call("shop-a", {
        method: "GET",
        path: `companyinfo/${sandbox.demoRealmId}`,
      }),
    );
    await Promise.all(calls);
    const after = await stats(sandbox, sandbox.demoRealmId);
    expect(after.tokenRefreshes - before.tokenRefreshes).toBe(1);
  });

  it("rides out 20% 429s and 5% 500s without ever exceeding 10 calls in flight", async () => {
    await admin(sandbox, "POST", "/faults", {
      realmId: sandbox.demoRealmId,
      rate429: 0.2,
      rate500: 0.05,
      latencyMs: 20,
    });
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        t.deps.qbo.client.call<{ QueryResponse: { totalCount: number } }>("shop-a", {
          method: "GET",
          path: "query",
          query: { query: "select count(*) from Item" },
        }),
      ),
    );
    expect(results.every((r) => r.QueryResponse.totalCount > 0)).toBe(true);
    expect((await stats(sandbox, sandbox.demoRealmId)).maxInFlight).toBeLessThanOrEqual(10);
  });

  it("marks the connection needs_reconnect when Intuit refuses the refresh token", async () => {
    await connectShop(t, "shop-e", sandbox.demoRealmId);
    await admin(sandbox, "POST", "/faults", {
      expireAccessTokens: true,
      revokeRefreshTokens: true,
    });
    await expect(
      t.deps.qbo.client.call("shop-e", {
        method: "GET",
        path: `companyinfo/${sandbox.demoRealmId}`,
      }),
    ).rejects.toMatchObject({ kind: "reconnect_required" });
    expect((await connection("shop-e")).status).toBe("needs_reconnect");
  });

  it("disconnect revokes the grant at Intuit and forgets the tokens", async () => {
    await admin(sandbox, "DELETE", "/faults");
    await connectShop(t, "shop-f", sandbox.demoRealmId);
    const stored = await t.deps.qbo.store.read("shop-f");
    await request(t.app)
      .delete("/api/quickbooks/connection")
      .set("authorization", await bearer("shop-f"))
      .expect(204);
    // The links' company is remembered: connecting another one later is a switch.
    expect(await connection("shop-f")).toMatchObject({
      status: "not_connected",
      linkedCompany: { realmId: sandbox.demoRealmId },
    });
    const refused = await fetch(`${sandbox.url}/oauth2/v1/tokens/bearer`, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from("demo-client-id:demo-client-secret").toString("base64")}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({
        grant_type: "refresh_token",
        refresh_token: stored!.tokens.refreshToken,
      }),
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: "invalid_grant" });
  });
});
