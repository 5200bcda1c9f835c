import { type RunningSandbox, admin } from "../../src/testing/sandbox.js";
import { api } from "./http.js";

/** A generated company with `n` inventory items (the sandbox builds 100k in under a second). */
export async function createCompany(sandbox: RunningSandbox, seed: string, n: number) {
  const { realmId } = await admin<{ realmId: string }>(sandbox, "POST", "/companies", {
    seed,
    items: { inventory: n },
  });
  return realmId;
}

/** Connects a shop to a realm through the BFF's real OAuth flow, as the browser would. */
export async function connectShop(serverUrl: string, token: string, realmId: string) {
  const { authorizeUrl } = await api<{ authorizeUrl: string }>(
    serverUrl,
    token,
    "POST",
    "/api/quickbooks/connection",
  );
  const consent = await fetch(`${authorizeUrl}&auto_approve_realm=${realmId}`, {
    redirect: "manual",
  });
  const location = consent.headers.get("location");
  if (!location) throw new Error(`consent did not redirect (${consent.status})`);
  const back = await fetch(location, { redirect: "manual" });
  if (back.status >= 400) throw new Error(`OAuth callback → ${back.status}`);
  await back.arrayBuffer();
}
