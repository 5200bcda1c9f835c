import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectShop } from "../testing/connect.js";
import { type RunningSandbox, admin, startTestSandbox, stats } from "../testing/sandbox.js";
import { type TestApp, createTestApp } from "../testing/test-app.js";
import { testBackends } from "../testing/test-database.js";
import { createShopGate } from "./shop-fairness.js";

describe("the per-shop gate", () => {
  it("lets a shop run so many at once, lines up the next, turns away the rest, and never blocks another shop", async () => {
    const gate = createShopGate({ inFlight: 2, queued: 1 });
    const a1 = await gate.enter("a");
    const a2 = await gate.enter("a");
    let third: (() => void) | undefined;
    const a3 = gate.enter("a")!.then((release) => (third = release));
    expect(gate.enter("a")).toBeUndefined(); // the line is full
    const b1 = await gate.enter("b"); // another shop goes straight in
    expect(typeof b1).toBe("function");
    expect(third).toBeUndefined();
    a1!();
    a1!(); // releasing twice frees one slot only
    await a3;
    expect(typeof third).toBe("function");
    expect(gate.enter("a")).toBeDefined(); // the line has room again
    a2!();
    third!();
    b1!();
  });
});

describe.each(testBackends())("fairness between shops over HTTP on %s", (backend) => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  let realm: string;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
    t = await createTestApp(backend, {
      QBO_SANDBOX_URL: sandbox.url,
      SHOP_MAX_IN_FLIGHT: "1",
      SHOP_MAX_QUEUED: "0",
    });
    realm = (await admin<{ realmId: string }>(sandbox, "POST", "/companies", { name: "Busy" }))
      .realmId;
    await connectShop(t, "shop-busy", realm);
  });
  afterAll(async () => {
    await admin(sandbox, "DELETE", "/faults");
    await t.close();
    await sandbox.close();
  });
  const get = async (shop: string, path: string) =>
    request(t.app)
      .get(path)
      .set("authorization", `Bearer ${await t.token(shop)}`);

  it("answers a busy shop 503 too_busy with Retry-After while another shop is served", async () => {
    await admin(sandbox, "POST", "/faults", { realmId: realm, latencyMs: 3000 });
    const before = (await stats(sandbox, realm)).requests;
    // A slow request of the busy shop: it holds the shop's only slot while QuickBooks answers.
    const slow = get("shop-busy", "/api/quickbooks/reconciliation").then((r) => r);
    for (const until = Date.now() + 30_000; (await stats(sandbox, realm)).requests === before;) {
      if (Date.now() > until) throw new Error("the slow request never reached QuickBooks");
      await new Promise((r) => setTimeout(r, 20));
    }
    const shed = await get("shop-busy", "/api/inventory");
    expect(shed.status).toBe(503);
    expect(shed.headers["retry-after"]).toBe("1");
    expect(shed.body.error.code).toBe("too_busy");
    expect((await get("shop-calm", "/api/inventory")).status).toBe(200);
    await admin(sandbox, "DELETE", "/faults");
    expect((await slow).status).toBe(200);
    // The slot is free again once the slow request is answered, for reads and writes alike.
    expect((await get("shop-busy", "/api/inventory")).status).toBe(200);
    const created = await request(t.app)
      .post("/api/inventory")
      .set("authorization", `Bearer ${await t.token("shop-busy")}`)
      .send({ kind: "inventory", description: "Gate check", quantityAvailable: "1" });
    expect(created.status).toBe(201);
  });
});
