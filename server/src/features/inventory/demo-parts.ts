import type { PartInput } from "@app/shared";

/**
 * The demo shop's own parts (not linked to QuickBooks). Five share a part number with an item
 * of the sandbox's demo company, so an import shows the matching rules: OF-2045, WB-22, SP-7090
 * and BAT-48H6 match one item each and get linked; BP-1001 is on two QuickBooks items and is
 * skipped as a conflict. The others exist only here (the "both" starting situation).
 */
export const DEMO_PARTS: readonly PartInput[] = [
  part("inventory", "Oil filter", "OF-2045", "Parts Authority", "3.10", "8.99", "9", "12"),
  part(
    "inventory",
    "Brake pad set, front ceramic",
    "BP-1001",
    "NAPA Auto Parts Distribution",
    "27.80",
    "69.99",
    "6",
    "4",
  ),
  part(
    "inventory",
    "Wiper blade 22 in",
    "WB-22",
    "O'Reilly Pro Supply",
    "6.20",
    "17.99",
    "14",
    "8",
  ),
  part(
    "inventory",
    "Spark plug, iridium",
    "SP-7090",
    "Parts Authority",
    "8.25",
    "18.99",
    "40",
    "16",
  ),
  part(
    "inventory",
    "Battery group 48 H6 AGM",
    "BAT-48H6",
    "Interstate Batteries of the Valley",
    "139.00",
    "239.99",
    "1",
    "2",
  ),
  part(
    "inventory",
    "Tire valve stem TR413",
    "TVS-413",
    "Eugene Tire Supply",
    "0.45",
    "3.99",
    "30",
    "50",
  ),
  part(
    "inventory",
    "Brake cleaner, 14 oz aerosol",
    "BC-14",
    "O'Reilly Pro Supply",
    "2.95",
    "7.49",
    "18",
    "6",
  ),
  part(
    "inventory",
    "Bulk gear oil 75W-90 (quart)",
    "GO-7590",
    "Eugene Tire Supply",
    "5.60",
    "13.49",
    "12.5",
    "6",
  ),
  part("non_inventory", "Tire disposal fee", "FEE-TIRE", null, "1.50", "4.00", null, null),
  part("non_inventory", "Shop towels (per job)", "", null, "0.35", "2.50", null, null),
];

// One row per part reads as a table.
// prettier-ignore
function part(
  kind: PartInput["kind"], description: string, partNumber: string, vendorName: string | null,
  cost: string, retailCost: string, quantityAvailable: string | null, criticalQuantity: string | null,
): PartInput {
  return { kind, description, note: "", partNumber, vendorName, cost, retailCost, quantityAvailable, criticalQuantity };
}
