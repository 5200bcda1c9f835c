/**
 * The demo shop's products and services. Deliberately includes what breaks importers:
 * no Sku (id 35), a shared Sku "BP-1001" (5 and 6), an apostrophe (32), accents (33),
 * emoji (34), fractional quantities (21, 22, 24), a preferred vendor that is inactive (36),
 * and a ~3,500-character Description (37).
 */
import { LONG_DESCRIPTION } from "./demo-long-description.js";

export interface InventorySeed {
  name: string;
  sku?: string;
  description: string;
  vendorId: string;
  cost: number;
  price: number;
  qty: number;
  reorder: number;
}

/** Vendor ids, see demo-names.ts. */
// One row per record reads as a table.
// prettier-ignore
const PA = "50", WP = "51", NAPA = "52", ORP = "53", IB = "54", KEY = "55";

const inv = (
  name: string,
  sku: string | undefined,
  description: string,
  vendorId: string,
  cost: number,
  price: number,
  qty: number,
  reorder: number,
): InventorySeed =>
  sku === undefined
    ? { name, description, vendorId, cost, price, qty, reorder }
    : { name, sku, description, vendorId, cost, price, qty, reorder };

/** Inventory parts, Ids 1..41 in this order. */
// One row per record reads as a table.
// prettier-ignore
export const DEMO_INVENTORY: readonly InventorySeed[] = [
  inv("Oil Filter - Standard", "OF-2045", "Spin-on oil filter, 3/4-16 thread", PA, 3.25, 8.99, 48, 12),
  inv("Oil Filter - Premium Synthetic", "OF-2051", "Extended-life synthetic media oil filter", PA, 6.4, 14.99, 22, 8),
  inv("Cabin Air Filter", "CAF-310", "Activated-carbon cabin air filter", WP, 7.1, 24.99, 15, 5),
  inv("Engine Air Filter", "EAF-118", "Panel engine air filter", WP, 6.85, 21.99, 18, 6),
  inv("Brake Pads Front Ceramic", "BP-1001", "Front ceramic brake pad set with shims", NAPA, 28.5, 69.99, 14, 4),
  inv("Brake Pads Rear Ceramic", "BP-1001", "Rear ceramic brake pad set (same supplier part number as front)", NAPA, 24.75, 59.99, 9, 4),
  inv("Brake Pads Front Semi-Metallic", "BP-1002", "Front semi-metallic brake pads for trucks", NAPA, 26, 64.99, 6, 3),
  inv("Brake Rotor Front 12.6in", "BR-3300", "Vented front brake rotor, 320 mm", NAPA, 41.2, 94.99, 8, 4),
  inv("Brake Rotor Rear", "BR-3310", "Solid rear brake rotor, 300 mm", NAPA, 33.9, 79.99, 6, 2),
  inv("Brake Fluid DOT 3 (12 oz)", "BF-DOT3", "DOT 3 brake fluid, 12 oz bottle", ORP, 3.6, 9.49, 30, 10),
  inv("Wiper Blade 22\"", "WB-22", "22-inch beam wiper blade", ORP, 6.2, 17.99, 26, 8),
  inv("Wiper Blade 18\"", "WB-18", "18-inch beam wiper blade", ORP, 5.9, 16.99, 20, 8),
  inv("Rear Wiper Blade 12\"", "WB-12R", "12-inch rear wiper blade", ORP, 4.8, 13.99, 7, 3),
  inv("Battery Group 48 H6 AGM", "BAT-48H6", "AGM battery, group 48/H6, 760 CCA", IB, 142, 239.99, 5, 2),
  inv("Battery Group 24F", "BAT-24F", "Flooded battery, group 24F, 650 CCA", IB, 98, 169.99, 4, 2),
  inv("Headlight Bulb H11", "BLB-H11", "H11 halogen headlight bulb", WP, 7.5, 19.99, 16, 6),
  inv("Headlight Bulb 9006", "BLB-9006", "9006 halogen low-beam bulb", WP, 6.9, 18.99, 12, 6),
  inv("Tail Light Bulb 7443", "BLB-7443", "7443 dual-filament bulb, 2-pack", WP, 2.1, 6.99, 40, 10),
  inv("Spark Plug Iridium", "SP-7090", "Iridium spark plug, 0.044 in gap", PA, 8.4, 18.99, 64, 16),
  inv("Spark Plug Copper", "SP-4020", "Copper core spark plug", PA, 2.3, 5.99, 48, 16),
  inv("Motor Oil 5W-30 Synthetic (quart)", "OIL-5W30-QT", "Full synthetic 5W-30, sold by the quart from bulk", ORP, 4.1, 9.49, 37.5, 20),
  inv("Motor Oil 0W-20 Synthetic (quart)", "OIL-0W20-QT", "Full synthetic 0W-20, sold by the quart from bulk", ORP, 4.35, 9.99, 52.25, 20),
  inv("Coolant 50/50 Prediluted (gallon)", "CLT-5050", "Universal extended-life coolant, 50/50", ORP, 9.8, 22.99, 12, 4),
  inv("Transmission Fluid ATF (quart)", "ATF-QT", "Multi-vehicle synthetic ATF, by the quart", ORP, 5.2, 12.49, 18.5, 8),
  inv("Serpentine Belt 6PK2155", "SB-6PK2155", "6-rib serpentine belt, 2155 mm", PA, 18.3, 44.99, 5, 2),
  inv("Timing Belt Kit", "TBK-220", "Timing belt kit with tensioner and idler", PA, 96, 219.99, 2, 1),
  inv("Water Pump", "WP-8890", "Water pump with gasket", WP, 54.5, 129.99, 3, 1),
  inv("Thermostat 195F", "TH-195", "195 F thermostat with seal", WP, 11.2, 29.99, 6, 2),
  inv("Radiator Hose Upper", "RH-U101", "Molded upper radiator hose", NAPA, 14.6, 34.99, 4, 2),
  inv("Oxygen Sensor Upstream", "O2-2340", "Upstream air/fuel ratio sensor", WP, 48.9, 119.99, 3, 1),
  inv("Fuel Filter", "FF-560", "Inline fuel filter", PA, 9.3, 24.99, 7, 3),
  inv("Driver's side mirror", "MIR-DS-01", "Power heated mirror, driver's side", NAPA, 62, 149.99, 2, 1),
  inv("Pneu été 205/55R16", "TIRE-2055516", "Pneu d'été 205/55R16 91V", NAPA, 78, 139.99, 8, 4),
  inv("Air freshener 🌲", "AF-PINE", "Hanging air freshener, pine scent 🌲", ORP, 0.45, 2.99, 120, 24),
  inv("Lug Nut Chrome M12x1.5", undefined, "Chrome acorn lug nut (no part number on file)", PA, 0.6, 2.49, 200, 40),
  inv("Sway Bar Link", "SBL-410", "Front sway bar end link (supplier closed its account)", KEY, 12.4, 32.99, 6, 2),
  inv("Wheel Bearing Hub Assembly", "WBH-512", LONG_DESCRIPTION, WP, 88, 199.99, 4, 2),
  inv("CV Axle Front Left", "CV-1180", "Remanufactured CV axle, front left", NAPA, 72, 164.99, 2, 1),
  inv("Power Steering Fluid (quart)", "PSF-QT", "Universal power steering fluid, by the quart", ORP, 4.9, 10.99, 9.75, 4),
  inv("TPMS Valve Stem", "TPMS-VS", "Snap-in TPMS service valve stem", NAPA, 3.4, 9.99, 32, 10),
  inv("Windshield Washer Fluid (gallon)", "WWF-GAL", "All-season washer fluid", ORP, 1.9, 5.99, 24, 6),
];

export interface SimpleItemSeed {
  name: string;
  sku?: string;
  description: string;
  price: number;
  cost?: number;
}

/** NonInventory items, Ids 42..46. */
// One row per record reads as a table.
// prettier-ignore
export const DEMO_NON_INVENTORY: readonly SimpleItemSeed[] = [
  { name: "Shop Supplies", description: "Shop supplies: rags, cleaners, small hardware", price: 12.5, cost: 4 },
  { name: "Hazardous Waste Disposal Fee", sku: "FEE-HAZ", description: "EPA hazardous waste disposal", price: 6.95 },
  { name: "Tire Disposal Fee", sku: "FEE-TIRE", description: "State tire recycling fee, per tire", price: 3.5 },
  { name: "Used Oil Disposal Fee", sku: "FEE-OIL", description: "Used oil and filter recycling", price: 4.25 },
  { name: "Sublet - Wheel Alignment", description: "Four-wheel alignment performed by partner shop", price: 99.99, cost: 65 },
];

/** Service items (labor), Ids 47..51. */
export const DEMO_SERVICES: readonly SimpleItemSeed[] = [
  { name: "Labor - General Repair", description: "General repair labor, per hour", price: 145 },
  { name: "Labor - Diagnostic", description: "Diagnostic time, per hour", price: 120 },
  { name: "Labor - Brake Service", description: "Brake service labor, per axle", price: 110 },
  { name: "Labor - Oil Change", description: "Oil and filter change labor", price: 35 },
  { name: "Labor - Tire Mount & Balance", description: "Mount and balance, per tire", price: 25 },
];

/** One Category item (Id 52): QBO returns categories from `select * from Item` too. */
export const DEMO_CATEGORY_NAME = "Brakes & Suspension";
