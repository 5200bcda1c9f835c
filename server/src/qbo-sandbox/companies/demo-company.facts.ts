/**
 * Key facts of the demo company, for other teams' tests (no imports: safe to read from
 * anywhere). `demo-company.test.ts` checks them against the live sandbox.
 */
export const DEMO_COMPANY_FACTS = {
  realmId: "9341453050298531",
  name: "Riverside Auto Parts (sandbox)",
  items: {
    /** By Item.Type; all items are active. Inventory Ids are 1..41. */
    byType: { Inventory: 41, NonInventory: 5, Service: 5, Category: 1 },
    total: 52,
    /** Active-only `select * from Item` returns all 52 (none inactive). */
    active: 52,
  },
  customers: {
    total: 26,
    active: 25,
    inactiveIds: ["24"],
    subCustomerIds: ["25"],
    parentOfSubCustomer: "3",
  },
  vendors: { total: 6, active: 5, inactiveIds: ["55"] },
  accounts: { total: 13, productIncome: "79", cogs: "80", inventoryAsset: "81" },
  /** Importer-breaking cases, by Item Id. */
  edgeCases: {
    noSku: ["35", "42", "46", "47", "48", "49", "50", "51", "52"],
    noSkuInventory: ["35"],
    sharedSku: { sku: "BP-1001", itemIds: ["5", "6"] },
    apostrophe: { id: "32", name: "Driver's side mirror" },
    accents: { id: "33", name: "Pneu été 205/55R16" },
    emoji: { id: "34", name: "Air freshener 🌲" },
    fractionalQty: [
      { id: "21", qty: 37.5 },
      { id: "22", qty: 52.25 },
      { id: "24", qty: 18.5 },
      { id: "39", qty: 9.75 },
    ],
    inactivePreferredVendor: { itemId: "36", vendorId: "55" },
    longDescription: { itemId: "37", minLength: 3400 },
  },
  /** Skus the shop's own demo parts use for matching. */
  matchingSkus: {
    "OF-2045": ["1"],
    "BP-1001": ["5", "6"],
    "WB-22": ["11"],
    "SP-7090": ["19"],
    "BAT-48H6": ["14"],
  },
} as const;
