import type { Role } from "@app/shared";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectShop } from "../testing/connect.js";
import { type RunningSandbox, admin, startTestSandbox } from "../testing/sandbox.js";
import { type TestApp, createTestApp } from "../testing/test-app.js";
import { testBackends } from "../testing/test-database.js";
import { call, rowCounts, seedShop, shopSnapshot } from "./fixture.js";
import { type Access, type Fixture, ROUTES, fillPath } from "./routes.js";

/** docs/api.md: owners/admins change QuickBooks settings and run imports; managers invoice; technicians read. */
const ALLOWED: Record<Access, Role[]> = {
  public: ["owner", "admin", "manager", "technician"],
  read: ["owner", "admin", "manager", "technician"],
  anyone_writes: ["owner", "admin", "manager", "technician"],
  edit: ["owner", "admin", "manager"],
  manage: ["owner", "admin"],
};
const ROLES: Role[] = ["technician", "manager", "admin", "owner"];
const guarded = ROUTES.filter((r) => r.access !== "public");

describe.each(testBackends())("roles against every /api action (%s)", (backend) => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  const shops = new Map<Role, Fixture>();

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    t = await createTestApp(backend, { QBO_SANDBOX_URL: sandbox.url });
    for (const role of ROLES) {
      const shop = `shop-${role}`;
      shops.set(role, await seedShop(t, shop, role));
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

  it.each(ROLES)("a %s gets the documented answer on every action", async (role) => {
    const shop = `shop-${role}`;
    const ids = shops.get(role)!;
    const outcomes: string[] = [];
    for (const spec of guarded) {
      const name = `${spec.method.toUpperCase()} ${spec.path}`;
      const allowed = ALLOWED[spec.access].includes(role);
      const before = allowed ? "" : await shopSnapshot(t, shop);
      const counts = allowed ? {} : await rowCounts(t);
      const res = await call(t, spec, ids, { shop, role });
      outcomes.push(`${name} → ${res.status}`);
      expect(res.status, `${role} ${name}: ${res.text}`).toBeLessThan(500);
      if (allowed) {
        expect([401, 403], `${role} ${name}: ${res.text}`).not.toContain(res.status);
      } else {
        expect(res.status, `${role} ${name}`).toBe(403);
        expect(res.body).toMatchObject({ error: { code: "forbidden" } });
        expect(await shopSnapshot(t, shop), `${role} ${name} wrote`).toBe(before);
        expect(await rowCounts(t), `${role} ${name} wrote`).toEqual(counts);
      }
    }
    expect(outcomes).toHaveLength(guarded.length);
  });

  it("every session route refuses a missing, forged or expired session with 401 unauthenticated", async () => {
    const ids = shops.get("owner")!;
    const forged = (await t.token("shop-owner", "owner")).replace(/\.[\w-]+$/, ".AAAA");
    const expired = await t.token("shop-owner", "owner", -60);
    for (const spec of guarded) {
      for (const header of [undefined, `Bearer ${forged}`, `Bearer ${expired}`, "Basic x"]) {
        let req = request(t.app)[spec.method](fillPath(spec, ids));
        if (header) req = req.set("authorization", header);
        const res = await req;
        expect(res.status, `${spec.method} ${spec.path} with ${header}`).toBe(401);
        expect(res.body).toMatchObject({ error: { code: "unauthenticated" } });
      }
    }
  });
});
