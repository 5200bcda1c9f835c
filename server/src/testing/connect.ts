import request from "supertest";
import type { TestApp } from "./test-app.js";

/** The `name=value` pairs of a response's Set-Cookie headers, ready for a Cookie header. */
export function cookiesOf(res: request.Response): string {
  const raw = res.headers["set-cookie"] as unknown as string[] | string | undefined;
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  return list.map((c) => c.split(";")[0]).join("; ");
}

/**
 * Connects `shop` to `realmId` exactly as a browser would: ask the BFF for the authorize URL,
 * open it (our `/oauth/start` sets the browser-binding cookie and sends us on to Intuit), let
 * the sandbox approve it (`auto_approve_realm`), then follow Intuit's redirect back with the
 * cookie. `browser: false` drops the cookie, as a link opened in another browser would.
 */
export async function connectShop(
  t: TestApp,
  shop: string,
  realmId: string,
  opts: { browser?: boolean } = {},
): Promise<request.Response> {
  const consent = await openConsent(t, shop, realmId);
  const callback = request(t.app).get(consent.callback);
  return opts.browser === false ? callback : callback.set("cookie", consent.cookie);
}

/**
 * The browser's side up to Intuit's redirect: the authorize URL asked for, opened (binding
 * cookie set), approved at the sandbox. Answers the callback path, the cookie and the state.
 */
export async function openConsent(
  t: TestApp,
  shop: string,
  realmId: string,
  approve = true,
  lang?: "en" | "fr",
) {
  const token = await t.token(shop, "owner");
  const started = await request(t.app)
    .post("/api/quickbooks/connection")
    .set("authorization", `Bearer ${token}`)
    .expect(200);
  const start = new URL(started.body.authorizeUrl as string);
  const state = start.searchParams.get("state") ?? "";
  const opened = await request(t.app)
    .get(
      `${start.pathname}${start.search}${approve ? `&auto_approve_realm=${realmId}` : ""}${lang ? `&lang=${lang}` : ""}`,
    )
    .expect(302);
  const cookie = cookiesOf(opened);
  if (!approve)
    return { callback: "", cookie, state, intuitUrl: opened.headers.location as string };
  const consent = await fetch(opened.headers.location as string, { redirect: "manual" });
  const location = consent.headers.get("location");
  if (!location) throw new Error(`consent did not redirect (${consent.status})`);
  const back = new URL(location);
  return {
    callback: `${back.pathname}${back.search}`,
    cookie,
    state,
    intuitUrl: opened.headers.location as string,
  };
}

/** Confirms a waiting switch of company, as the owner does on the Connection tab. */
export async function confirmSwitch(t: TestApp, shop: string): Promise<request.Response> {
  const token = await t.token(shop, "owner");
  return request(t.app)
    .post("/api/quickbooks/connection/switch")
    .set("authorization", `Bearer ${token}`);
}
