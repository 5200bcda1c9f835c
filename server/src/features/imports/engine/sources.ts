import type { ImportCategory } from "@app/shared";

/**
 * What each import asks QuickBooks for. Active records only: Intuit (and our sandbox) return
 * active records unless `Active IN (true, false)` is asked (docs/quickbooks.md §3).
 */
export const SOURCES: Record<ImportCategory, { from: string; entity: "Item" | "Customer" }> = {
  inventory: { from: "Item where Type = 'Inventory'", entity: "Item" },
  non_inventory: { from: "Item where Type IN ('NonInventory', 'Service')", entity: "Item" },
  customers: { from: "Customer", entity: "Customer" },
};
