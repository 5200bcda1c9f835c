import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp } from "./testing/test-app.js";
import { testBackends } from "./testing/test-database.js";

describe.each(testBackends())("the BFF foundation on %s", (backend) => {
  let t: TestApp;
  let demo: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
    demo = await createTestApp(backend, { SESSION_SECRET: undefined });
  });
  afterAll(async () => {
    await t.close();
    await demo.close();
  });

  it("answers health and readiness probes", async () => {
    await request(t.app).get("/healthz").expect(200, { status: "ok" });
    const ready = await request(t.app).get("/readyz").expect(200);
    expect(ready.body).toEqual({ status: "ready", database: backend });
  });

  it("refuses missing, malformed, expired and wrongly signed tokens with 401", async () => {
    const expired = await t.token("shop-a", "owner", -10);
    const foreign = await demo.token("shop-a");
    for (const auth of [undefined, "Bearer nope", `Bearer ${expired}`, `Bearer ${foreign}`]) {
      const req = request(t.app).get("/api/me");
      const res = await (auth ? req.set("authorization", auth) : req).expect(401);
      expect(res.body.error.code).toBe("unauthenticated");
      expect(typeof res.body.error.message).toBe("string");
    }
  });

  it("tells the SPA who is signed in, for the session's shop only", async () => {
    const res = await request(t.app)
      .get("/api/me")
      .set("authorization", `Bearer ${await t.token("shop-b", "manager")}`)
      .expect(200);
    expect(res.body).toMatchObject({ shopId: "shop-b", role: "manager", demoMode: false });
  });

  it("answers unknown API routes with a JSON 404, never HTML", async () => {
    const res = await request(t.app)
      .get("/api/nothing-here")
      .set("authorization", `Bearer ${await t.token("shop-a")}`)
      .expect(404);
    expect(res.headers["content-type"]).toMatch(/json/);
    expect(res.body.error.code).toBe("not_found");
  });

  it("sets a CSP whose frame-ancestors lets the shell frame us", async () => {
    const res = await request(t.app).get("/healthz");
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'self'");
    expect(res.headers["x-request-id"]).toBeTruthy();
  });

  describe("demo host", () => {
    it("hands out a working session token for a chosen shop and role", async () => {
      const minted = await request(demo.app)
        .post("/api/demo/session")
        .send({ shop: "demo-shop", role: "technician" })
        .expect(200);
      const me = await request(demo.app)
        .get("/api/me")
        .set("authorization", `Bearer ${minted.body.token}`)
        .expect(200);
      expect(me.body).toMatchObject({
        shopId: "demo-shop",
        role: "technician",
        demoMode: true,
        shopName: "Demo Auto Repair",
      });
    });

    it("is refused outside demo mode", async () => {
      await request(t.app).post("/api/demo/session").send({}).expect(404);
    });

    it("rejects malformed JSON, unknown fields, wrong types and oversize bodies with field paths", async () => {
      const malformed = await request(demo.app)
        .post("/api/demo/session")
        .set("content-type", "application/json")
        .send('{"shop":')
        .expect(400);
      expect(malformed.body.error).toMatchObject({
        code: "validation_failed",
        details: [{ path: "body" }],
      });

      const unknown = await request(demo.app)
        .post("/api/demo/session")
        .send({ shop: "x", admin: true })
        .expect(400);
      expect(unknown.body.error.details).toEqual([expect.objectContaining({ path: "body" })]);
      expect(JSON.stringify(unknown.body.error.details)).toContain("admin");

      const wrongType = await request(demo.app)
        .post("/api/demo/session")
        .send({ role: 7 })
        .expect(400);
      expect(wrongType.body.error.details).toEqual([
        expect.objectContaining({ path: "body.role" }),
      ]);

      const huge = await request(demo.app)
        .post("/api/demo/session")
        .send({ shop: "x".repeat(1_100_000) })
        .expect(400);
      expect(huge.body.error.code).toBe("validation_failed");
    });
  });
});
