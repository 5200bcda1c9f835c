/** OAuth contract: the real intuit-oauth 4.2.5 client and raw HTTP against the sandbox. */
import OAuthClient from "intuit-oauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../start.js";
import {
  ACCOUNTING,
  admin,
  api,
  authorize,
  basic,
  CLIENT_ID,
  CLIENT_SECRET,
  connect,
  REDIRECT_URI,
  tokenRequest,
} from "../test-helpers.js";

let sb: RunningSandbox;

beforeAll(async () => {
  sb = await startSandbox({ port: 0 });
  OAuthClient.authorizeEndpoint = `${sb.url}/connect/oauth2`;
  OAuthClient.tokenEndpoint = `${sb.url}/oauth2/v1/tokens/bearer`;
  OAuthClient.revokeEndpoint = `${sb.url}/v2/oauth2/tokens/revoke`;
  OAuthClient.userinfo_endpoint_sandbox = `${sb.url}/v1/openid_connect/userinfo`;
  OAuthClient.environment.sandbox = `${sb.url}/`;
  OAuthClient.retryConfig.maxRetries = 0;
});
afterAll(async () => sb.close());

const newClient = () =>
  new OAuthClient({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    environment: "sandbox",
    redirectUri: REDIRECT_URI,
  });

async function callbackUrl(client: OAuthClient, realmId: string): Promise<string> {
  const uri = `${client.authorizeUri({ scope: [OAuthClient.scopes.Accounting, OAuthClient.scopes.OpenId], state: "csrf-1" })}&auto_approve_realm=${realmId}`;
  const res = await fetch(uri, { redirect: "manual" });
  expect(res.status).toBe(302);
  return res.headers.get("location") ?? "";
}

describe("intuit-oauth against the sandbox", () => {
  it("runs connect → API call → refresh (rotation) → userinfo → revoke", async () => {
    const client = newClient();
    const cb = await callbackUrl(client, sb.demoRealmId);
    expect(new URL(cb).searchParams.get("state")).toBe("csrf-1");
    const auth = await client.createToken(cb);
    const first = auth.getJson() as Record<string, unknown>;
    expect(first).toMatchObject({
      token_type: "bearer",
      expires_in: 3600,
      x_refresh_token_expires_in: 8_726_400,
    });
    expect(client.getToken().realmId).toBe(sb.demoRealmId);

    const info = await client.makeApiCall({
      url: `v3/company/${sb.demoRealmId}/companyinfo/${sb.demoRealmId}?minorversion=75`,
    });
    expect(info.status).toBe(200);
    expect(info.json.CompanyInfo.CompanyName).toBe("Riverside Auto Parts (sandbox)");

    await client.refresh();
    const second = client.getToken().getToken();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.access_token).not.toBe(first.access_token);

    // The previous refresh token is still honoured during the grace period, with the same new pair.
    const again = await tokenRequest(sb, {
      grant_type: "refresh_token",
      refresh_token: String(first.refresh_token),
    });
    expect(again.status).toBe(200);
    expect(again.body.refresh_token).toBe(second.refresh_token);
    expect(again.body.access_token).toBe(second.access_token);

    const user = await client.getUserInfo();
    expect((user.getJson() as { email: string }).email).toContain("@");

    const revoked = await client.revoke({ refresh_token: second.refresh_token ?? "" });
    expect(revoked.status()).toBe(200);
    const after = await api(sb, second.access_token ?? "", sb.demoRealmId, "preferences");
    expect(after.status).toBe(401);
    await expect(client.refreshUsingToken(second.refresh_token ?? "")).rejects.toMatchObject({
      error: "invalid_grant",
    });
  });

  it("surfaces 401 from the API as code '401' in makeApiCall", async () => {
    const client = newClient();
    await client.createToken(await callbackUrl(client, sb.demoRealmId));
    await admin(sb, "POST", "/faults", { expireAccessTokens: true });
    await expect(
      client.makeApiCall({ url: `v3/company/${sb.demoRealmId}/preferences` }),
    ).rejects.toMatchObject({ code: "401" });
  });
});

describe("authorization codes", () => {
  it("are single-use: a second exchange is invalid_grant and revokes what the first issued", async () => {
    const params = await authorize(sb, sb.demoRealmId);
    const code = params.get("code") ?? "";
    expect(params.get("realmId")).toBe(sb.demoRealmId);
    const first = await tokenRequest(sb, {
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT_URI,
    });
    expect(first.status).toBe(200);
    const reuse = await tokenRequest(sb, {
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT_URI,
    });
    expect(reuse).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    expect(
      (await api(sb, String(first.body.access_token), sb.demoRealmId, "preferences")).status,
    ).toBe(401);
    const refresh = await tokenRequest(sb, {
      grant_type: "refresh_token",
      refresh_token: String(first.body.refresh_token),
    });
    expect(refresh).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });

  it("expire after 10 minutes and must use the same redirect_uri", async () => {
    const late = (await authorize(sb, sb.demoRealmId)).get("code") ?? "";
    const other = (await authorize(sb, sb.demoRealmId)).get("code") ?? "";
    const wrongRedirect = await tokenRequest(sb, {
      grant_type: "authorization_code",
      code: other,
      redirect_uri: "http://localhost:9999/elsewhere",
    });
    expect(wrongRedirect).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
    await admin(sb, "POST", "/clock", { advanceSeconds: 601 });
    const expired = await tokenRequest(sb, {
      grant_type: "authorization_code",
      code: late,
      redirect_uri: REDIRECT_URI,
    });
    expect(expired).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  });
});

describe("token endpoint errors", () => {
  it("needs HTTP Basic client auth (401 invalid_client) and a known grant type", async () => {
    const wrong = await tokenRequest(
      sb,
      { grant_type: "refresh_token", refresh_token: "x" },
      basic(CLIENT_ID, "nope"),
    );
    expect(wrong).toEqual({ status: 401, body: { error: "invalid_client" } });
    const none = await fetch(`${sb.url}/oauth2/v1/tokens/bearer`, {
      method: "POST",
      body: new URLSearchParams({ grant_type: "refresh_token" }),
    });
    expect(none.status).toBe(401);
    expect((await tokenRequest(sb, { grant_type: "password" })).body.error).toBe(
      "unsupported_grant_type",
    );
    expect(
      (await tokenRequest(sb, { grant_type: "refresh_token", refresh_token: "RT1-unknown" })).body
        .error,
    ).toBe("invalid_grant");
  });

  it("returns x_refresh_token_hard_expires_in only when asked", async () => {
    const code = (await authorize(sb, sb.demoRealmId)).get("code") ?? "";
    const res = await fetch(`${sb.url}/oauth2/v1/tokens/bearer`, {
      method: "POST",
      headers: { Authorization: basic(), "x-include-refresh-token-hard-expires-in": "true" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: REDIRECT_URI,
      }),
    });
    const body = (await res.json()) as Record<string, number>;
    expect(body.x_refresh_token_hard_expires_in).toBeGreaterThan(150_000_000);
  });

  it("refuses a rotated refresh token once its grace period is over", async () => {
    const t = await connect(sb);
    const next = await tokenRequest(sb, {
      grant_type: "refresh_token",
      refresh_token: t.refresh_token,
    });
    expect(next.status).toBe(200);
    await admin(sb, "POST", "/clock", { advanceSeconds: 24 * 3600 + 1 });
    expect(
      (await tokenRequest(sb, { grant_type: "refresh_token", refresh_token: t.refresh_token })).body
        .error,
    ).toBe("invalid_grant");
    const newest = await tokenRequest(sb, {
      grant_type: "refresh_token",
      refresh_token: String(next.body.refresh_token),
    });
    expect(newest.status).toBe(200);
    const stats = await admin(sb, "GET", `/stats?realmId=${sb.demoRealmId}`);
    expect(stats.body.tokenRefreshes).toBeGreaterThanOrEqual(2);
  });

  it("refuses every refresh token after the revokeRefreshTokens fault", async () => {
    const t = await connect(sb);
    const r = await admin(sb, "POST", "/faults", { revokeRefreshTokens: true });
    expect(r.body.revokedRefreshTokens).toBeGreaterThan(0);
    expect(
      (await tokenRequest(sb, { grant_type: "refresh_token", refresh_token: t.refresh_token })).body
        .error,
    ).toBe("invalid_grant");
  });
});

describe("consent page", () => {
  const q = (extra: Record<string, string> = {}) =>
    new URLSearchParams({
      client_id: CLIENT_ID,
      response_type: "code",
      redirect_uri: REDIRECT_URI,
      scope: ACCOUNTING,
      state: "abc",
      ...extra,
    });

  it("lists companies with Connect buttons; Connect redirects with a code, Cancel with access_denied", async () => {
    const page = await fetch(`${sb.url}/connect/oauth2?${q().toString()}`);
    const html = await page.text();
    expect(html).toContain("Riverside Auto Parts (sandbox)");
    expect(html).toContain(`data-realm-id="${sb.demoRealmId}"`);
    const form = {
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      scope: ACCOUNTING,
      state: "abc",
    };
    const approve = await fetch(`${sb.url}/connect/oauth2/decision`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({ ...form, realmId: sb.demoRealmId, decision: "approve" }),
    });
    const approved = new URL(approve.headers.get("location") ?? "").searchParams;
    expect(approved.get("code")).toMatch(/^AB11/);
    expect(approved.get("realmId")).toBe(sb.demoRealmId);
    const cancel = await fetch(`${sb.url}/connect/oauth2/decision`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({ ...form, decision: "deny" }),
    });
    const denied = new URL(cancel.headers.get("location") ?? "");
    expect(`${denied.origin}${denied.pathname}`).toBe(REDIRECT_URI);
    expect(Object.fromEntries(denied.searchParams)).toEqual({
      error: "access_denied",
      state: "abc",
    });
  });

  it("validates client_id, redirect_uri, response_type and scope", async () => {
    expect(
      (await fetch(`${sb.url}/connect/oauth2?${q({ client_id: "other" }).toString()}`)).status,
    ).toBe(400);
    expect(
      (
        await fetch(
          `${sb.url}/connect/oauth2?${q({ redirect_uri: "https://evil.example/cb" }).toString()}`,
        )
      ).status,
    ).toBe(400);
    const badType = await fetch(
      `${sb.url}/connect/oauth2?${q({ response_type: "token" }).toString()}`,
      {
        redirect: "manual",
      },
    );
    expect(new URL(badType.headers.get("location") ?? "").searchParams.get("error")).toBe(
      "unsupported_response_type",
    );
    const badScope = await fetch(`${sb.url}/connect/oauth2?${q({ scope: "openid" }).toString()}`, {
      redirect: "manual",
    });
    expect(new URL(badScope.headers.get("location") ?? "").searchParams.get("error")).toBe(
      "invalid_scope",
    );
    const any = await fetch(
      `${sb.url}/connect/oauth2?${q({ redirect_uri: "http://127.0.0.1:61234/any/path", auto_approve_realm: sb.demoRealmId }).toString()}`,
      { redirect: "manual" },
    );
    expect(any.status).toBe(302);
  });
});

describe("revoke and token binding", () => {
  it("revoke answers 200 with an empty body and kills access and refresh tokens", async () => {
    const t = await connect(sb);
    const res = await fetch(`${sb.url}/v2/oauth2/tokens/revoke`, {
      method: "POST",
      headers: {
        Authorization: basic(),
        "Content-Type": "application/json",
        Accept: "application/json",
      },
      body: JSON.stringify({ token: t.access_token }),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    expect((await api(sb, t.access_token, sb.demoRealmId, "preferences")).status).toBe(401);
    expect(
      (await tokenRequest(sb, { grant_type: "refresh_token", refresh_token: t.refresh_token })).body
        .error,
    ).toBe("invalid_grant");
    const noAuth = await fetch(`${sb.url}/v2/oauth2/tokens/revoke`, {
      method: "POST",
      body: JSON.stringify({ token: "x" }),
      headers: { "Content-Type": "application/json" },
    });
    expect(noAuth.status).toBe(401);
  });

  it("binds a token to its realm: another realm answers 403 with code 3100", async () => {
    const other = await admin(sb, "POST", "/companies", {
      seed: "realm-binding",
      items: { inventory: 3 },
      customers: 1,
      vendors: 1,
    });
    const t = await connect(sb);
    const res = await api(sb, t.access_token, String(other.body.realmId), "preferences");
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ fault: { error: [{ code: "3100" }], type: "AUTHORIZATION" } });
  });

  it("answers 401 with code 3200 in Intuit's gateway shape for unknown and expired tokens", async () => {
    const unknown = await api(sb, "not-a-token", sb.demoRealmId, "preferences");
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get("intuit_tid")).toMatch(/^1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    expect(unknown.body).toMatchObject({
      fault: {
        error: [
          {
            message: "message=AuthenticationFailed; errorCode=003200; statusCode=401",
            code: "3200",
            element: null,
          },
        ],
        type: "AUTHENTICATION",
      },
    });
    expect(typeof unknown.body.time).toBe("number");
    const t = await connect(sb);
    await admin(sb, "POST", "/clock", { advanceSeconds: 3601 });
    const expired = await api(sb, t.access_token, sb.demoRealmId, "preferences");
    expect(expired.status).toBe(401);
    expect(JSON.stringify(expired.body)).toContain("Token expired");
  });
});
