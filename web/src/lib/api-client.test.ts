import { MeSchema } from "@app/shared";
import { afterEach, describe, expect, it, vi } from "vitest";
import { demoMe, fakeServer, json } from "../test/fake-server";
import { ApiError, apiFetch } from "./api-client";
import { shouldRetry } from "./query-client";

afterEach(() => vi.unstubAllGlobals());

const bearerOf = (init: RequestInit | undefined) => new Headers(init?.headers).get("Authorization");

describe("apiFetch", () => {
  it("sends the bearer token and parses the answer with the schema", async () => {
    const fetch = fakeServer();
    await expect(apiFetch("/api/me", { schema: MeSchema })).resolves.toEqual(demoMe);
    const call = fetch.mock.calls.find(([url]) => url === "/api/me");
    expect(bearerOf(call?.[1])).toBe("Bearer demo-token");
  });

  it("turns an error body into a typed ApiError", async () => {
    fakeServer({
      "POST /api/quickbooks/imports": () =>
        json(
          {
            error: {
              code: "conflict",
              message: "An import is already running",
              details: { id: "j1" },
            },
          },
          409,
        ),
    });
    const error = await apiFetch("/api/quickbooks/imports", {
      method: "POST",
      body: { category: "customers" },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: "conflict",
      message: "An import is already running",
      details: { id: "j1" },
    });
  });

  it("still gives an ApiError when the body is not the BFF's error shape", async () => {
    fakeServer({ "GET /api/me": () => new Response("<html>Bad gateway</html>", { status: 502 }) });
    await expect(apiFetch("/api/me", { schema: MeSchema })).rejects.toMatchObject({
      status: 502,
      code: "bad_response",
    });
  });

  it("rejects an answer of the wrong shape instead of passing it on", async () => {
    fakeServer({ "GET /api/me": () => json({ shopId: 42 }) });
    await expect(apiFetch("/api/me", { schema: MeSchema })).rejects.toMatchObject({
      code: "bad_response",
    });
  });

  it("re-mints the demo token once after a 401 and retries", async () => {
    let minted = 0;
    const fetch = fakeServer({
      "POST /api/demo/session": () =>
        json({ token: `t${++minted}`, expiresAt: new Date(Date.now() + 900_000).toISOString() }),
      "GET /api/me": ({ init }) =>
        bearerOf(init) === "Bearer t2"
          ? json(demoMe)
          : json({ error: { code: "unauthenticated", message: "expired" } }, 401),
    });
    await expect(apiFetch("/api/me", { schema: MeSchema })).resolves.toEqual(demoMe);
    expect(minted).toBe(2);
    expect(fetch.mock.calls.filter(([url]) => url === "/api/me")).toHaveLength(2);
  });

  it("reports a network failure as network_error", async () => {
    fakeServer();
    const real = globalThis.fetch;
    vi.stubGlobal("fetch", (input: RequestInfo | URL, init?: RequestInit) =>
      input === "/api/me" ? Promise.reject(new TypeError("Failed to fetch")) : real(input, init),
    );
    await expect(apiFetch("/api/me")).rejects.toMatchObject({ status: 0, code: "network_error" });
  });
});

describe("query retries", () => {
  it("never retry a 4xx, retry 5xx and network errors twice", () => {
    expect(shouldRetry(0, new ApiError(404, "not_found", "x"))).toBe(false);
    expect(shouldRetry(0, new ApiError(502, "quickbooks_unavailable", "x"))).toBe(true);
    expect(shouldRetry(1, new ApiError(0, "network_error", "x"))).toBe(true);
    expect(shouldRetry(2, new ApiError(0, "network_error", "x"))).toBe(false);
  });
});
