import request from "supertest";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signSessionToken } from "../lib/session-token.js";
import { type TestApp, createTestApp } from "../testing/test-app.js";

/** Shop and user ids in a validly signed token are still checked: they become tenant keys. */
describe("session claims", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp("pglite");
  });
  afterAll(() => t.close());

  const me = async (claims: { shop: string; sub: string }) => {
    const { token } = await signSessionToken(t.deps.sessionSecret, {
      ...claims,
      name: "Someone",
      role: "owner",
    });
    return request(t.app).get("/api/me").set("authorization", `Bearer ${token}`);
  };

  it.each([
    ["a NUL in the shop", { shop: "shop\u0000a", sub: "u1" }],
    ["a lone high surrogate in the shop", { shop: "shop-\uD800", sub: "u1" }],
    ["a lone low surrogate in the shop", { shop: "shop-\uDC00", sub: "u1" }],
    ["a NUL in the user", { shop: "shop-claims", sub: "u\u0000" }],
    ["spaces", { shop: "shop claims", sub: "u1" }],
  ])("refuses %s with 401, not 500", async (_what, claims) => {
    const res = await me(claims);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthenticated");
  });

  it("refuses a token once it has expired, though it was accepted before", async () => {
    const { token } = await signSessionToken(
      t.deps.sessionSecret,
      { shop: "shop-expiring", sub: "u1", name: "Someone", role: "owner" },
      60,
    );
    const me = () => request(t.app).get("/api/me").set("authorization", `Bearer ${token}`);
    expect((await me()).status).toBe(200);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 61_000 });
    try {
      const res = await me();
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("unauthenticated");
    } finally {
      vi.useRealTimers();
    }
  });

  it("accepts plain ids", async () => {
    const res = await me({ shop: "5f2b9c0e1d", sub: "auth0|user.1@example" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ shopId: "5f2b9c0e1d", userId: "auth0|user.1@example" });
  });
});
