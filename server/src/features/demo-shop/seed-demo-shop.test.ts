import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp } from "../../testing/test-app.js";
import { testBackends } from "../../testing/test-database.js";
import { seedDemoShop } from "./seed-demo-shop.js";

describe.each(testBackends())("the demo shop's own data on %s", (backend) => {
  let demo: TestApp;
  beforeAll(async () => {
    demo = await createTestApp(backend, { SESSION_SECRET: undefined });
  });
  afterAll(() => demo.close());

  async function get(url: string, shop = "demo-shop") {
    const minted = await request(demo.app).post("/api/demo/session").send({ shop }).expect(200);
    return request(demo.app)
      .get(url)
      .set("authorization", `Bearer ${minted.body.token}`)
      .expect(200);
  }

  it("seeds unlinked parts and customers once, sharing part numbers with the sandbox company", async () => {
    const [parts, customers] = await Promise.all([
      get("/api/inventory?pageSize=200"),
      get("/api/customers"),
    ]);
    expect(parts.body.total).toBe(10);
    expect(customers.body.total).toBe(5);
    const numbers = (parts.body.items as { partNumber: string; quickBooksItemRef: null }[]).map(
      (p) => {
        expect(p.quickBooksItemRef).toBeNull();
        return p.partNumber;
      },
    );
    expect(numbers).toEqual(
      expect.arrayContaining(["OF-2045", "BP-1001", "WB-22", "SP-7090", "BAT-48H6"]),
    );
    expect((await get("/api/inventory?lowStock=true")).body.total).toBeGreaterThan(0);

    await seedDemoShop(demo.deps.db, "demo-shop"); // a second boot finds data and adds nothing
    expect((await get("/api/inventory")).body.total).toBe(10);
  });

  it("leaves other shops empty", async () => {
    expect((await get("/api/inventory", "another-shop")).body.total).toBe(0);
  });
});
