import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectShop } from "../../testing/connect.js";
import { type RunningSandbox, admin, startTestSandbox } from "../../testing/sandbox.js";
import { type TestApp, createTestApp } from "../../testing/test-app.js";
import { testBackends } from "../../testing/test-database.js";
import { isFault } from "./errors.js";
import { createInventoryAdjustment } from "./inventory-adjustment.js";

describe.each(testBackends())("createInventoryAdjustment against the sandbox on %s", (backend) => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  const SHOP = "adj-shop";
  const qty = async (itemId: string) =>
    (
      await t.deps.qbo.client.call<{ Item: { QtyOnHand: number } }>(SHOP, {
        method: "GET",
        path: `item/${itemId}`,
      })
    ).Item.QtyOnHand;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    t = await createTestApp(backend, { QBO_SANDBOX_URL: sandbox.url });
    expect((await connectShop(t, SHOP, sandbox.demoRealmId)).status).toBe(200);
  });
  afterAll(async () => {
    await t.close();
    await sandbox.close();
  });

  it("a count of +5 is one adjustment of +5: QuickBooks' quantity follows", async () => {
    const before = await qty("1");
    const made = await createInventoryAdjustment(
      t.deps.qbo.client,
      SHOP,
      { itemId: "1", qtyDiff: "5", adjustAccountId: "80", privateNote: "Stock count" },
      "count-1-a",
    );
    expect(made).toMatchObject({ qtyDiff: 5 });
    expect(await qty("1")).toBe(before + 5);
  });

  it("the same requestid again (a lost answer, a retry after a crash) applies nothing twice", async () => {
    const before = await qty("21"); // 37.5 quarts
    // The first attempt reached QuickBooks but its answer never came back to us…
    const first = await createInventoryAdjustment(
      t.deps.qbo.client,
      SHOP,
      { itemId: "21", qtyDiff: "-2.25", adjustAccountId: "80" },
      "count-21-a",
    );
    // …so the change is sent again with the requestid stored beside it.
    const again = await createInventoryAdjustment(
      t.deps.qbo.client,
      SHOP,
      { itemId: "21", qtyDiff: "-2.25", adjustAccountId: "80" },
      "count-21-a",
    );
    expect(again.id).toBe(first.id);
    expect(await qty("21")).toBe(before - 2.25);
  });

  it("rides out injected 500s and 429s: still exactly one adjustment", async () => {
    const before = await qty("2");
    await admin(sandbox, "POST", "/faults", {
      realmId: sandbox.demoRealmId,
      rate500: 0.3,
      rate429: 0.3,
    });
    try {
      for (let i = 0; i < 5; i++)
        await createInventoryAdjustment(
          t.deps.qbo.client,
          SHOP,
          { itemId: "2", qtyDiff: "1", adjustAccountId: "80" },
          `count-2-${i}`,
        );
    } finally {
      await admin(sandbox, "DELETE", `/faults?realmId=${sandbox.demoRealmId}`);
    }
    expect(await qty("2")).toBe(before + 5);
  });

  it("QuickBooks' refusal comes back as a fault with Intuit's code", async () => {
    const err = await createInventoryAdjustment(
      t.deps.qbo.client,
      SHOP,
      { itemId: "47", qtyDiff: "1", adjustAccountId: "80" }, // a Service item
      "count-47-a",
    ).catch((e: unknown) => e);
    expect(isFault(err, "6000")).toBe(true);
  });

  it("refuses a zero change or an over-long requestid before calling QuickBooks", async () => {
    const input = { itemId: "1", qtyDiff: "0", adjustAccountId: "80" };
    await expect(createInventoryAdjustment(t.deps.qbo.client, SHOP, input, "x")).rejects.toThrow(
      RangeError,
    );
    await expect(
      createInventoryAdjustment(
        t.deps.qbo.client,
        SHOP,
        { ...input, qtyDiff: "1" },
        "x".repeat(51),
      ),
    ).rejects.toThrow(RangeError);
  });
});
