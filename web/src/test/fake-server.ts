import type { Me } from "@app/shared";
import { vi } from "vitest";

export type Handler = (request: { url: string; init: RequestInit | undefined }) => Response;

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

export const demoMe: Me = {
  shopId: "demo-shop",
  shopName: "Demo Auto Repair",
  userId: "demo-shop-owner",
  name: "Dana Owner",
  role: "owner",
  demoMode: true,
  // Demo mode talks to the offline sandbox, whose pages stand in for QuickBooks' app.
  quickBooksAppUrl: "http://127.0.0.1:4010/app",
};

/**
 * Stubs window.fetch with a tiny BFF: a demo-session minter, /api/me, plus any extra routes.
 * Returns the mock so tests can inspect calls.
 */
export function fakeServer(routes: Record<string, Handler> = {}) {
  const all: Record<string, Handler> = {
    "POST /api/demo/session": () =>
      json({ token: "demo-token", expiresAt: new Date(Date.now() + 15 * 60_000).toISOString() }),
    "GET /api/me": () => json(demoMe),
    // The shell's connection banner asks on every page.
    "GET /api/quickbooks/connection": () => json({ status: "not_connected" }),
    ...routes,
  };
  const mock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const key = `${init?.method ?? "GET"} ${url}`;
    const handler = all[key];
    return Promise.resolve(
      handler
        ? handler({ url, init })
        : json({ error: { code: "not_found", message: `No route ${key}` } }, 404),
    );
  });
  vi.stubGlobal("fetch", mock);
  return mock;
}
