/**
 * Company plans and countries: CompanyInfo and Preferences say what Intuit says for them, and a
 * plan without inventory has no Inventory items and refuses to create one.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../start.js";
import { admin, api, connect, firstError, query } from "../test-helpers.js";

let sb: RunningSandbox;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, limits: { perSecond: 1000 } });
});
afterAll(async () => sb.close());

interface CompanyInfo {
  Country: string;
  CompanyAddr: { Country: string };
  NameValue: { Name: string; Value: string }[];
}
interface Preferences {
  ProductAndServicesPrefs: { QuantityOnHand: boolean };
  CurrencyPrefs: { HomeCurrency: { value: string } };
}

async function edition(realmId: string) {
  const tok = (await connect(sb, realmId)).access_token;
  const info = await api<{ CompanyInfo: CompanyInfo }>(sb, tok, realmId, `companyinfo/${realmId}`);
  const prefs = await api<{ Preferences: Preferences }>(sb, tok, realmId, "preferences");
  const c = info.body.CompanyInfo;
  return {
    tok,
    sku: c.NameValue.find((n) => n.Name === "OfferingSku")?.Value,
    country: c.Country,
    addressCountry: c.CompanyAddr.Country,
    quantityOnHand: prefs.body.Preferences.ProductAndServicesPrefs.QuantityOnHand,
    currency: prefs.body.Preferences.CurrencyPrefs.HomeCurrency.value,
  };
}

const inventoryItem = (name: string) => ({
  Name: name,
  Type: "Inventory",
  TrackQtyOnHand: true,
  QtyOnHand: 3,
  InvStartDate: "2026-01-01",
  IncomeAccountRef: { value: "79" },
  ExpenseAccountRef: { value: "80" },
  AssetAccountRef: { value: "81" },
});

describe("company plans and countries", () => {
  it("the demo company is QuickBooks Online Plus in the US with quantity on hand", async () => {
    expect(await edition(sb.demoRealmId)).toMatchObject({
      sku: "QuickBooks Online Plus",
      country: "US",
      quantityOnHand: true,
      currency: "USD",
    });
  });

  it.each([
    ["simple_start", "US", "QuickBooks Online Simple Start", false, "USD"],
    ["essentials", "GB", "QuickBooks Online Essentials", false, "GBP"],
    ["advanced", "US", "QuickBooks Online Advanced", true, "USD"],
    ["plus", "FR", "QuickBooks Online Plus", true, "EUR"],
    ["plus", "AU", "QuickBooks Online Plus", true, "AUD"],
    ["plus", "CA", "QuickBooks Online Plus", true, "CAD"],
  ])("%s in %s → OfferingSku %s, QuantityOnHand %s", async (plan, country, sku, qoh, currency) => {
    const made = await admin(sb, "POST", "/companies", {
      seed: `ed-${plan}-${country}`,
      plan,
      country,
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ plan, country });
    expect(await edition(String(made.body.realmId))).toEqual(
      expect.objectContaining({
        sku,
        country,
        addressCountry: country,
        quantityOnHand: qoh,
        currency,
      }),
    );
  });

  it("Essentials: generated parts are NonInventory, and creating an Inventory item is refused", async () => {
    const made = await admin(sb, "POST", "/companies", {
      seed: "essentials-gen",
      plan: "essentials",
      items: { inventory: 20, nonInventory: 2, service: 3 },
    });
    const realmId = String(made.body.realmId);
    const { tok } = await edition(realmId);
    const inv = await query<{ QueryResponse: { totalCount: number } }>(
      sb,
      tok,
      realmId,
      "select count(*) from Item where Type = 'Inventory'",
    );
    expect(inv.body.QueryResponse.totalCount).toBe(0);
    const non = await query<{ QueryResponse: { totalCount: number } }>(
      sb,
      tok,
      realmId,
      "select count(*) from Item where Type = 'NonInventory'",
    );
    expect(non.body.QueryResponse.totalCount).toBe(22);
    const res = await api(sb, tok, realmId, "item", { body: inventoryItem("Counted part") });
    expect(res.status).toBe(400);
    expect(firstError(res.body)).toMatchObject({
      code: "6000",
      Detail:
        "Business Validation Error: When you create an item, if Track quantity on hand is turned off, the item cannot be of type Inventory.",
    });
  });

  it("a Simple Start copy of the demo holds its parts as NonInventory; Plus accepts Inventory", async () => {
    const made = await admin(sb, "POST", "/companies", { seed: "ss-demo", plan: "simple_start" });
    const realmId = String(made.body.realmId);
    const { tok } = await edition(realmId);
    const oil = await api<{ Item: { Type: string; QtyOnHand?: number; Sku?: string } }>(
      sb,
      tok,
      realmId,
      "item/1",
    );
    expect(oil.body.Item.Type).toBe("NonInventory");
    expect(oil.body.Item.QtyOnHand).toBeUndefined();
    const listed = await admin(sb, "GET", "/companies");
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({ realmId, plan: "simple_start", country: "US" }),
    );

    const plus = (await connect(sb)).access_token;
    const ok = await api(sb, plus, sb.demoRealmId, "item", { body: inventoryItem("Counted part") });
    expect(ok.status).toBe(200);
  });

  it("PATCH moves a company from Plus to Essentials: Preferences and CompanyInfo follow, adjustments are refused", async () => {
    const made = await admin(sb, "POST", "/companies", { seed: "downgraded" });
    const realmId = String(made.body.realmId);
    expect((await edition(realmId)).quantityOnHand).toBe(true);
    const patched = await admin(sb, "PATCH", `/companies/${realmId}`, { plan: "essentials" });
    expect(patched.body).toMatchObject({ plan: "essentials", country: "US" });
    const after = await edition(realmId);
    expect(after).toMatchObject({ sku: "QuickBooks Online Essentials", quantityOnHand: false });
    const adj = await api(sb, after.tok, realmId, "inventoryadjustment", {
      body: {
        AdjustAccountRef: { value: "80" },
        Line: [
          {
            DetailType: "ItemAdjustmentLineDetail",
            ItemAdjustmentLineDetail: { ItemRef: { value: "1" }, QtyDiff: 1 },
          },
        ],
      },
    });
    expect(firstError(adj.body).code).toBe("6000");
    expect((await admin(sb, "PATCH", "/companies/000", { plan: "plus" })).status).toBe(404);
  });

  it("refuses an unknown plan or country with field paths", async () => {
    const res = await admin(sb, "POST", "/companies", { plan: "enterprise", country: "DE" });
    expect(res.status).toBe(400);
    expect(String(res.body.details)).toContain("plan");
    expect(String(res.body.details)).toContain("country");
  });

  it("a restart from the state file keeps the plan, the country, merges and adjustments", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qbo-sandbox-"));
    const file = join(dir, "state.json");
    try {
      const one = await startSandbox({ port: 0, persistPath: file });
      const made = await admin(one, "POST", "/companies", {
        seed: "kept",
        plan: "essentials",
        country: "AU",
      });
      const realmId = String(made.body.realmId);
      const t = await connect(one);
      await api(one, t.access_token, one.demoRealmId, "inventoryadjustment", {
        body: {
          AdjustAccountRef: { value: "80" },
          Line: [
            {
              DetailType: "ItemAdjustmentLineDetail",
              ItemAdjustmentLineDetail: { ItemRef: { value: "21" }, NewQty: 12.5 },
            },
          ],
        },
      });
      await admin(one, "POST", "/merge", {
        realmId: one.demoRealmId,
        entity: "Item",
        fromId: "22",
        toId: "21",
      });
      await admin(one, "PATCH", `/companies/${one.demoRealmId}`, { plan: "advanced" });
      await one.close();
      const two = await startSandbox({ port: 0, persistPath: file });
      try {
        const listed = await admin(two, "GET", "/companies");
        expect(listed.body.items).toContainEqual(
          expect.objectContaining({ realmId, plan: "essentials", country: "AU" }),
        );
        const oil = await api<{ Item: { QtyOnHand: number } }>(
          two,
          t.access_token,
          two.demoRealmId,
          "item/21",
        );
        expect(oil.body.Item.QtyOnHand).toBe(12.5 + 52.25);
        expect((await api(two, t.access_token, two.demoRealmId, "item/22")).status).toBe(400);
        expect(listed.body.items).toContainEqual(
          expect.objectContaining({ realmId: two.demoRealmId, plan: "advanced" }),
        );
      } finally {
        await two.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
