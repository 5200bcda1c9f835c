import request from "supertest";
import type { TestApp } from "./test-app.js";

/**
 * Connects `shop` to `realmId` exactly as a browser would: ask the BFF for the authorize URL,
 * let the sandbox approve it (`auto_approve_realm`), then follow Intuit's redirect back.
 */
export async function connectShop(
  t: TestApp,
  shop: string,
  realmId: string,
): Promise<request.Response> {
  const token = await t.token(shop, "owner");
  const started = await request(t.app)
    .post("/api/quickbooks/connection")
    .set("authorization", `Bearer ${token}`)
    .expect(200);
  const consent = await fetch(`${started.body.authorizeUrl}&auto_approve_realm=${realmId}`, {
    redirect: "manual",
  });
  const location = consent.headers.get("location");
  if (!location) throw new Error(`consent did not redirect (${consent.status})`);
  const back = new URL(location);
  return request(t.app).get(`${back.pathname}${back.search}`);
}
