import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectShop } from "../testing/connect.js";
import { type RunningSandbox, admin, startTestSandbox } from "../testing/sandbox.js";
import { type TestApp, createTestApp } from "../testing/test-app.js";
import { testBackends } from "../testing/test-database.js";
import { call, seedShop, shopSnapshot } from "./fixture.js";
import { type Fixture, ROUTES, appRoutes, tableRoutes } from "./routes.js";

const VICTIM = "shop-victim";
const INTRUDER = "shop-intruder";
const MARK = "VICTIMSECRET";

describe.each(testBackends())("tenant isolation over every /api route (%s)", (backend) => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  let victim: Fixture;
  let own: Fixture;
  const intruder = { shop: INTRUDER, role: "owner" as const };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    t = await createTestApp(backend, { QBO_SANDBOX_URL: sandbox.url });
    victim = await seedShop(t, VICTIM, MARK);
    own = await seedShop(t, INTRUDER, "intruder");
    // Both shops connected to companies of their own, so QuickBooks-backed routes do real work.
    for (const shop of [VICTIM, INTRUDER]) {
      const { realmId } = await admin<{ realmId: string }>(sandbox, "POST", "/companies", {
        name: shop,
      });
      expect((await connectShop(t, shop, realmId)).status).toBe(200);
    }
  });
  afterAll(async () => {
    await t?.close();
    await sandbox?.close();
  });

  it("has an entry for every route the app serves (a new route must join the table)", () => {
    expect(tableRoutes()).toEqual(appRoutes(t.app));
  });

  const byId = ROUTES.filter((r) => r.resource);
  it.each(byId.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    "another shop's id on %s → 404 not_found, the record untouched",
    async (_name, spec) => {
      const before = await shopSnapshot(t, VICTIM);
      // The path names the victim's record; any body refers to the intruder's own records.
      const res = await call(t, spec, victim, intruder, own);
      expect(res.status, JSON.stringify(res.body)).toBe(404);
      expect(res.body).toMatchObject({ error: { code: "not_found" } });
      expect(res.text).not.toContain(MARK);
      expect(await shopSnapshot(t, VICTIM)).toBe(before);
    },
  );

  const byBody = ROUTES.filter((r) => !r.resource && r.body && r.access !== "public");
  it.each(byBody.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    "another shop's ids in the body of %s are refused or ignored, never used",
    async (_name, spec) => {
      const before = await shopSnapshot(t, VICTIM);
      const res = await call(t, spec, own, intruder, victim);
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
      expect(res.text).not.toContain(MARK);
      expect(await shopSnapshot(t, VICTIM)).toBe(before);
    },
  );

  it("every other route, called by the other shop's owner, shows none of the shop's data and changes none of it", async () => {
    const before = await shopSnapshot(t, VICTIM);
    // Ids the intruder never sent (those it did may be echoed back, e.g. "Part not found").
    const victimIds = [victim.order, victim.import, victim.export, victim.notice];
    for (const spec of ROUTES.filter((r) => !r.resource && r.access !== "public")) {
      const res = await call(t, spec, own, intruder);
      const name = `${spec.method.toUpperCase()} ${spec.path}`;
      expect(res.status, `${name}: ${res.text}`).toBeLessThan(500);
      expect(res.text, name).not.toContain(MARK);
      for (const id of victimIds) expect(res.text, name).not.toContain(id);
    }
    expect(await shopSnapshot(t, VICTIM)).toBe(before);
  });
});
