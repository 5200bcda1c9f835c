import { OnboardingStatusSchema, StartingSituationStateSchema } from "@app/shared";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp } from "../../testing/test-app.js";
import { testBackends } from "../../testing/test-database.js";

type Role = "owner" | "admin" | "manager" | "technician";

describe.each(testBackends())("where to start on %s", (backend) => {
  let t: TestApp;
  const auth = async (shop: string, role: Role = "owner") => `Bearer ${await t.token(shop, role)}`;
  const get = async (shop: string) =>
    request(t.app)
      .get("/api/quickbooks/starting-situation")
      .set("authorization", await auth(shop));
  const put = async (shop: string, body: object, role: Role = "owner") =>
    request(t.app)
      .put("/api/quickbooks/starting-situation")
      .set("authorization", await auth(shop, role))
      .send(body);

  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => {
    await t.close();
  });

  it("has no situation until one is chosen", async () => {
    const res = await get("shop-a");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ situation: null });
  });

  it("saves the choice with who and when, and lets it change later", async () => {
    const first = await put("shop-a", { situation: "both" });
    expect(first.status).toBe(200);
    const saved = StartingSituationStateSchema.parse(first.body);
    expect(saved).toMatchObject({ situation: "both", chosenBy: "owner of shop-a" });
    expect(Date.now() - new Date(saved.chosenAt!).getTime()).toBeLessThan(60_000);

    const changed = await put("shop-a", { situation: "brand_new" }, "admin");
    expect(changed.body).toMatchObject({ situation: "brand_new", chosenBy: "admin of shop-a" });
    expect(new Date(changed.body.chosenAt).getTime()).toBeGreaterThanOrEqual(
      new Date(saved.chosenAt!).getTime(),
    );
    expect((await get("shop-a")).body).toEqual(changed.body);
  });

  it("lets only owners and admins choose, and everyone read", async () => {
    for (const role of ["manager", "technician"] as const) {
      const res = await put("shop-a", { situation: "quickbooks_only" }, role);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("forbidden");
    }
    const read = await request(t.app)
      .get("/api/quickbooks/starting-situation")
      .set("authorization", await auth("shop-a", "technician"));
    expect(read.body.situation).toBe("brand_new");
  });

  it("rejects an unknown situation with its field path", async () => {
    const res = await put("shop-a", { situation: "somewhere" });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe("body.situation");
  });

  it("never shows one shop's choice to another", async () => {
    expect((await get("shop-b")).body).toEqual({ situation: null });
  });

  it("stores a support request with the shop's situation and confirms it", async () => {
    await put("shop-c", { situation: "shopmonkey_only" });
    const res = await request(t.app)
      .post("/api/quickbooks/support-requests")
      .set("authorization", await auth("shop-c", "manager"))
      .send({ message: "  Please help me move 400 parts  " });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      situation: "shopmonkey_only",
      message: "Please help me move 400 parts",
      createdBy: "manager of shop-c",
    });
    const list = await request(t.app)
      .get("/api/quickbooks/support-requests")
      .set("authorization", await auth("shop-c"));
    expect(list.body.items).toHaveLength(1);
    const other = await request(t.app)
      .get("/api/quickbooks/support-requests")
      .set("authorization", await auth("shop-a"));
    expect(other.body.items).toEqual([]);
    const empty = await request(t.app)
      .post("/api/quickbooks/support-requests")
      .set("authorization", await auth("shop-c"))
      .send({ message: "   " });
    expect(empty.status).toBe(400);
  });

  it("reports the checklist's facts from real state and turns inventory sync on", async () => {
    const token = await auth("shop-d");
    const before = OnboardingStatusSchema.parse(
      (await request(t.app).get("/api/quickbooks/onboarding/status").set("authorization", token))
        .body,
    );
    expect(before).toMatchObject({
      connected: false,
      keepInSync: { inventory: false, nonInventory: false },
      parts: { total: 0, linked: 0 },
      accountingMapped: false,
    });
    await request(t.app)
      .post("/api/inventory")
      .set("authorization", token)
      .send({ kind: "inventory", description: "Brake pad", quantityAvailable: "2" })
      .expect(201);
    const denied = await request(t.app)
      .post("/api/quickbooks/onboarding/inventory-sync")
      .set("authorization", await auth("shop-d", "manager"));
    expect(denied.status).toBe(403);
    const after = await request(t.app)
      .post("/api/quickbooks/onboarding/inventory-sync")
      .set("authorization", token);
    expect(after.body).toMatchObject({
      keepInSync: { inventory: true, nonInventory: true },
      parts: { total: 1, linked: 0 },
    });
  });
});
