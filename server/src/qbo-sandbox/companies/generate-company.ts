/**
 * Generated companies: deterministic for a spec (seed + counts). Items are plain objects that
 * share their ref and MetaData objects, so 100,000 items stay small; generated data is clean
 * (unique names and Skus, all active) so bulk tests can predict their counts exactly.
 */
import {
  companyInfoEntity,
  envelope,
  metaData,
  preferencesEntity,
  ref,
} from "./company-builders.js";
import { Company } from "./company.js";
import { customer, partItem, simpleItem, vendor } from "./company-item-builders.js";
import type { GenerateSpec } from "./company-recipe.js";
import { DEFAULT_EDITION, isDefaultEdition, tracksInventory, type Edition } from "./edition.js";
import type { JsonObject } from "../json.js";
import { hash32, mulberry32, realmIdFor } from "./random.js";
import { DEMO_ACCOUNTS } from "./demo-accounts.js";

const PARTS = [
  "Oil Filter",
  "Air Filter",
  "Brake Pad Set",
  "Brake Rotor",
  "Wiper Blade",
  "Battery",
  "Headlight Bulb",
  "Spark Plug",
  "Serpentine Belt",
  "Water Pump",
  "Thermostat",
  "Radiator Hose",
  "Fuel Pump",
  "Ignition Coil",
  "Wheel Bearing",
  "Tie Rod End",
  "Ball Joint",
  "Control Arm",
  "Strut Assembly",
  "Shock Absorber",
  "CV Axle",
  "Alternator",
  "Starter Motor",
  "Oxygen Sensor",
  "Cabin Filter",
  "Brake Caliper",
  "Tail Light Bulb",
  "Drive Belt",
];
const BRANDS = [
  "Acme",
  "Bosch",
  "Denso",
  "Gates",
  "Moog",
  "NGK",
  "Wagner",
  "Monroe",
  "Dorman",
  "Motorcraft",
];
const FIRST = [
  "Alex",
  "Jordan",
  "Taylor",
  "Morgan",
  "Casey",
  "Riley",
  "Jamie",
  "Avery",
  "Quinn",
  "Drew",
  "Sam",
  "Robin",
];
const LAST = [
  "Smith",
  "Garcia",
  "Nguyen",
  "Brown",
  "Lopez",
  "Kim",
  "Patel",
  "Miller",
  "Davis",
  "Wilson",
  "Moore",
  "Clark",
];
const SERVICES = ["Labor", "Diagnostic", "Inspection", "Alignment", "Detailing", "Tire Rotation"];
const FEES = ["Shop Supplies", "Disposal Fee", "Sublet", "Hazmat Fee", "Towing"];

export function generatedRealmId(spec: GenerateSpec, edition: Edition = DEFAULT_EDITION): string {
  const key: unknown[] = [
    "gen",
    spec.seed,
    spec.inventory,
    spec.nonInventory,
    spec.service,
    spec.customers,
    spec.vendors,
  ];
  // Plus/US companies keep the realmIds they had before plans existed.
  if (!isDefaultEdition(edition)) key.push(edition.plan, edition.country);
  return realmIdFor(JSON.stringify(key));
}

const pick = <T>(arr: readonly T[], r: number): T =>
  arr[Math.floor(r * arr.length) % arr.length] as T;
const money = (r: number, min: number, max: number) =>
  Math.round((min + r * (max - min)) * 100) / 100;
const pad = (n: number) => String(n).padStart(6, "0");

export function generateCompany(
  spec: GenerateSpec,
  nowMs: number,
  edition: Edition = DEFAULT_EDITION,
): Company {
  const name = spec.name ?? `Generated Auto Parts ${spec.seed}`;
  const recipe = isDefaultEdition(edition)
    ? { kind: "generated" as const, spec }
    : { kind: "generated" as const, spec, edition };
  const c = new Company(generatedRealmId(spec, edition), name, recipe, nowMs);
  const inventory = tracksInventory(edition);
  const rnd = mulberry32(hash32(spec.seed));
  const meta = metaData(nowMs);
  c.companyInfo = { e: companyInfoEntity(name, nowMs, edition), updatedMs: nowMs };
  c.preferences = { e: preferencesEntity(nowMs, edition), updatedMs: nowMs };
  for (const a of DEMO_ACCOUNTS) {
    c.put(
      "Account",
      {
        Name: a.name,
        FullyQualifiedName: a.name,
        Active: true,
        Classification: a.classification,
        AccountType: a.type,
        AccountSubType: a.subType,
        CurrentBalance: 0,
        ...envelope(a.id, meta),
      },
      nowMs,
      false,
    );
  }
  for (let i = 1; i <= spec.customers; i++) {
    const given = pick(FIRST, rnd()),
      family = `${pick(LAST, rnd())}-${pad(i)}`;
    const f = {
      display: `${given} ${family}`,
      given,
      family,
      email: `customer${i}@example.com`,
      phone: `(541) 555-${String(i % 10000).padStart(4, "0")}`,
      street: `${100 + i} Main St`,
      city: "Eugene",
      state: "OR",
      zip: "97401",
    };
    c.put("Customer", customer(String(i), meta, f), nowMs, false);
  }
  const vendorRefs: JsonObject[] = [];
  for (let i = 1; i <= spec.vendors; i++) {
    const id = String(spec.customers + i);
    const display = `${pick(BRANDS, rnd())} Supply ${pad(i)}`;
    c.put(
      "Vendor",
      vendor(id, meta, { display, company: display, email: `vendor${i}@example.com` }),
      nowMs,
      false,
    );
    vendorRefs.push(Object.freeze(ref(id, display)));
  }
  let id = 1;
  for (let i = 1; i <= spec.inventory; i++) {
    const part = pick(PARTS, rnd()),
      brand = pick(BRANDS, rnd());
    const cost = money(rnd(), 1, 250);
    const qtyRoll = rnd();
    // About one in ten quantities is fractional (fluids by the quart).
    const qty = qtyRoll < 0.1 ? Math.floor(qtyRoll * 400) / 4 : Math.floor(rnd() * 120);
    const vendorRef = vendorRefs.length ? pick(vendorRefs, rnd()) : undefined;
    c.put(
      "Item",
      partItem(
        String(id++),
        meta,
        {
          name: `${brand} ${part} G${pad(i)}`,
          sku: `GEN-${pad(i)}`,
          description: `${brand} ${part}, generated part ${i}`,
          cost,
          price: Math.round(cost * 230) / 100,
          qty,
          reorder: Math.floor(rnd() * 10),
          ...(vendorRef ? { vendor: vendorRef } : {}),
        },
        inventory,
      ),
      nowMs,
      false,
    );
  }
  for (let i = 1; i <= spec.nonInventory; i++) {
    c.put(
      "Item",
      simpleItem(String(id++), meta, "NonInventory", {
        name: `${pick(FEES, rnd())} N${pad(i)}`,
        sku: `GEN-N${pad(i)}`,
        description: "Generated non-inventory item",
        price: money(rnd(), 1, 80),
      }),
      nowMs,
      false,
    );
  }
  for (let i = 1; i <= spec.service; i++) {
    c.put(
      "Item",
      simpleItem(String(id++), meta, "Service", {
        name: `${pick(SERVICES, rnd())} S${pad(i)}`,
        description: "Generated service",
        price: money(rnd(), 20, 200),
      }),
      nowMs,
      false,
    );
  }
  return c;
}
