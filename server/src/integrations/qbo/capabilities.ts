import type { Capabilities } from "@app/shared";
import { z } from "zod";
import type { QboClient } from "./client.js";

/**
 * What a QuickBooks company can do, read from its CompanyInfo and Preferences:
 * - the plan is `CompanyInfo.NameValue[OfferingSku]` ("QuickBooks Online Plus", …);
 * - the money is in `Preferences.CurrencyPrefs.HomeCurrency` (Intuit, "Preferences" entity);
 * - inventory tracking is `Preferences.ProductAndServicesPrefs.QuantityOnHand` (Intuit, "Create
 *   products, services, and inventory items": Simple Start and Essentials have none);
 * - the InventoryAdjustment API "is available for QuickBooks Online Plus and Advanced SKUs in
 *   the US" (developer.intuit.com, Manage inventory → Inventory adjustment).
 */
const CompanyInfoSchema = z.looseObject({
  CompanyInfo: z.looseObject({
    Country: z.string().optional(),
    NameValue: z.array(z.looseObject({ Name: z.string(), Value: z.string() })).optional(),
  }),
});
const PreferencesSchema = z.looseObject({
  Preferences: z.looseObject({
    ProductAndServicesPrefs: z.looseObject({ QuantityOnHand: z.boolean().optional() }).optional(),
    CurrencyPrefs: z
      .looseObject({
        HomeCurrency: z.looseObject({ value: z.string().regex(/^[A-Z]{3}$/) }).optional(),
      })
      .optional(),
  }),
});

const PLANS: [RegExp, string][] = [
  [/simple\s*start/i, "simple_start"],
  [/essentials/i, "essentials"],
  [/advanced/i, "advanced"],
  [/plus/i, "plus"],
];

/** Pure: the two answers → capabilities. Anything unreadable counts as "not available". */
export function capabilitiesFrom(companyInfo: unknown, preferences: unknown): Capabilities {
  const info = CompanyInfoSchema.safeParse(companyInfo);
  const prefs = PreferencesSchema.safeParse(preferences);
  const sku = info.success
    ? info.data.CompanyInfo.NameValue?.find((n) => n.Name === "OfferingSku")?.Value
    : undefined;
  const plan = (sku && PLANS.find(([re]) => re.test(sku))?.[1]) ?? "unknown";
  const country = (info.success ? info.data.CompanyInfo.Country : undefined) ?? "";
  const inventoryTracking =
    prefs.success && prefs.data.Preferences.ProductAndServicesPrefs?.QuantityOnHand === true;
  const currency = prefs.success
    ? prefs.data.Preferences.CurrencyPrefs?.HomeCurrency?.value
    : undefined;
  return {
    ...(currency ? { currency } : {}),
    inventoryTracking,
    inventoryAdjustments:
      inventoryTracking && country === "US" && (plan === "plus" || plan === "advanced"),
    plan,
    country,
  };
}

/** Two reads (CorePlus calls): CompanyInfo and Preferences of the shop's connected company. */
export async function readCapabilities(
  client: QboClient,
  shopId: string,
  realmId: string,
): Promise<Capabilities> {
  const [info, prefs] = await Promise.all([
    client.call(shopId, { method: "GET", path: `companyinfo/${realmId}` }),
    client.call(shopId, { method: "GET", path: "preferences" }),
  ]);
  return capabilitiesFrom(info, prefs);
}
