import { CapabilitiesSchema, ConnectionSchema } from "@app/shared";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { capabilitiesFrom } from "../../integrations/qbo/capabilities.js";
import { connectShop } from "../../testing/connect.js";
import { type RunningSandbox, admin, startTestSandbox } from "../../testing/sandbox.js";
import { type TestApp, createTestApp } from "../../testing/test-app.js";
import { testBackends } from "../../testing/test-database.js";
import { runCatchUp } from "../sync/catch-up.js";

describe("capabilitiesFrom (CompanyInfo + Preferences → what the company can do)", () => {
  const info = (sku: string, country = "US") => ({
    CompanyInfo: { Country: country, NameValue: [{ Name: "OfferingSku", Value: sku }] },
  });
  const prefs = (qoh: boolean) => ({
    Preferences: { ProductAndServicesPrefs: { QuantityOnHand: qoh } },
  });

  it("reads the plan from OfferingSku and tracking from QuantityOnHand", () => {
    expect(capabilitiesFrom(info("QuickBooks Online Plus"), prefs(true))).toEqual({
      inventoryTracking: true,
      inventoryAdjustments: true,
      plan: "plus",
      country: "US",
    });
    expect(capabilitiesFrom(info("QuickBooks Online Essentials"), prefs(false))).toEqual({
      inventoryTracking: false,
      inventoryAdjustments: false,
      plan: "essentials",
      country: "US",
    });
    expect(capabilitiesFrom(info("QuickBooks Online Simple Start"), prefs(false)).plan).toBe(
      "simple_start",
    );
  });

  it("reads the shop's money from the home currency", () => {
    const withCurrency = {
      Preferences: { CurrencyPrefs: { HomeCurrency: { value: "CAD" } } },
    };
    expect(capabilitiesFrom(info("QuickBooks Online Plus", "CA"), withCurrency).currency).toBe(
      "CAD",
    );
  });

  it("adjustments need Plus or Advanced in the US; unreadable answers mean 'not available'", () => {
    expect(capabilitiesFrom(info("QuickBooks Online Advanced", "CA"), prefs(true))).toMatchObject({
      inventoryTracking: true,
      inventoryAdjustments: false,
      plan: "advanced",
      country: "CA",
    });
    expect(capabilitiesFrom({}, { nonsense: true })).toEqual({
      inventoryTracking: false,
      inventoryAdjustments: false,
      plan: "unknown",
      country: "",
    });
  });
});

describe.each(testBackends())("connection capabilities over HTTP on %s", (backend) => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  const connection = async (shop: string) =>
    ConnectionSchema.parse(
      (
        await request(t.app)
          .get("/api/quickbooks/connection")
          .set("authorization", `Bearer ${await t.token(shop, "owner")}`)
          .expect(200)
      ).body,
    );

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    t = await createTestApp(backend, { QBO_SANDBOX_URL: sandbox.url });
  });
  afterAll(async () => {
    await t.close();
    await sandbox.close();
  });

  it("a Plus company in the US: inventory tracking and adjustments", async () => {
    expect((await connectShop(t, "cap-plus", sandbox.demoRealmId)).status).toBe(200);
    const c = await connection("cap-plus");
    expect(CapabilitiesSchema.parse(c.capabilities)).toEqual({
      inventoryTracking: true,
      inventoryAdjustments: true,
      plan: "plus",
      country: "US",
      currency: "USD",
    });
  });

  it("an Essentials company: no inventory tracking, no adjustments", async () => {
    const made = await admin<{ realmId: string }>(sandbox, "POST", "/companies", {
      seed: "cap-essentials",
      plan: "essentials",
    });
    expect((await connectShop(t, "cap-ess", made.realmId)).status).toBe(200);
    expect((await connection("cap-ess")).capabilities).toEqual({
      inventoryTracking: false,
      inventoryAdjustments: false,
      plan: "essentials",
      country: "US",
      currency: "USD",
    });
  });

  it("a Canadian company's money is in Canadian dollars", async () => {
    const made = await admin<{ realmId: string }>(sandbox, "POST", "/companies", {
      seed: "cap-canada",
      country: "CA",
    });
    expect((await connectShop(t, "cap-ca", made.realmId)).status).toBe(200);
    expect((await connection("cap-ca")).capabilities).toMatchObject({
      country: "CA",
      currency: "CAD",
    });
  });

  it("a company moved from Plus to Essentials is seen as Essentials from the next catch-up", async () => {
    const made = await admin<{ realmId: string }>(sandbox, "POST", "/companies", {
      seed: "cap-downgrade",
    });
    expect((await connectShop(t, "cap-down", made.realmId)).status).toBe(200);
    expect((await connection("cap-down")).capabilities?.plan).toBe("plus");
    await admin(sandbox, "PATCH", `/companies/${made.realmId}`, { plan: "essentials" });
    // Within the in-memory copy's lifetime nothing asks QuickBooks again…
    expect((await connection("cap-down")).capabilities?.plan).toBe("plus");
    // …until the catch-up does.
    await runCatchUp(
      { db: t.deps.db, client: t.deps.qbo.client, logger: t.deps.logger },
      "cap-down",
    );
    expect((await connection("cap-down")).capabilities).toMatchObject({
      plan: "essentials",
      inventoryTracking: false,
      inventoryAdjustments: false,
    });
  });

  it("a shop that is not connected has no capabilities", async () => {
    expect(await connection("cap-none")).toEqual({ status: "not_connected" });
  });
});
