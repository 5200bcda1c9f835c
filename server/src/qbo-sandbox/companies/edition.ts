/**
 * A company's QuickBooks Online plan and country, and what they allow.
 * - Inventory tracking (quantity on hand) exists on Plus and Advanced only; Simple Start and
 *   Essentials have no Inventory item type ("Compare QuickBooks Online plans",
 *   https://quickbooks.intuit.com/pricing/). `CompanyInfo.NameValue[OfferingSku]` names the plan
 *   and `Preferences.ProductAndServicesPrefs.QuantityOnHand` says whether tracking is on
 *   ("Create products, services, and inventory items",
 *   https://developer.intuit.com/app/developer/qbo/docs/workflows/manage-inventory).
 * - The InventoryAdjustment endpoint "is available for QuickBooks Online Plus and Advanced SKUs
 *   in the US" (https://developer.intuit.com/app/developer/qbo/docs/workflows/manage-inventory/inventory-adjustment).
 */
export const PLANS = ["simple_start", "essentials", "plus", "advanced"] as const;
export type Plan = (typeof PLANS)[number];
export const COUNTRIES = ["US", "CA", "GB", "AU", "FR"] as const;
export type Country = (typeof COUNTRIES)[number];

export interface Edition {
  plan: Plan;
  country: Country;
}

export const DEFAULT_EDITION: Edition = { plan: "plus", country: "US" };

export const OFFERING_SKU: Record<Plan, string> = {
  simple_start: "QuickBooks Online Simple Start",
  essentials: "QuickBooks Online Essentials",
  plus: "QuickBooks Online Plus",
  advanced: "QuickBooks Online Advanced",
};

export const HOME_CURRENCY: Record<Country, string> = {
  US: "USD",
  CA: "CAD",
  GB: "GBP",
  AU: "AUD",
  FR: "EUR",
};

export function tracksInventory(e: Edition): boolean {
  return e.plan === "plus" || e.plan === "advanced";
}

export function allowsInventoryAdjustments(e: Edition): boolean {
  return tracksInventory(e) && e.country === "US";
}

export function isDefaultEdition(e: Edition): boolean {
  return e.plan === DEFAULT_EDITION.plan && e.country === DEFAULT_EDITION.country;
}
