/**
 * A company whose records are written by an attacker, or by an unlucky copy-paste: huge
 * strings, control characters, markup, spreadsheet formulas, SQL, astral characters and
 * numbers no money column holds. Intuit stores such text as given (its own limits aside), so
 * an importer meets it sooner or later. Used by the hardening suite through the in-process
 * state (tests only; the admin API keeps to demo and generated companies).
 */
import type { Company } from "./company.js";
import { metaData, ref } from "./company-builders.js";
import { customer, inventoryItem, simpleItem, vendor } from "./company-item-builders.js";
import type { Entity, JsonObject } from "../json.js";
import { type SandboxState, createCompany } from "../state.js";

/** The ordinary records around the hostile ones: they must import as if nothing happened. */
export const HOSTILE_COMPANY_SPEC = {
  seed: "hostile",
  name: "Hostile Data Auto Parts (sandbox)",
  inventory: 3,
  nonInventory: 1,
  service: 1,
  customers: 3,
  vendors: 1,
} as const;

export interface HostileRecords {
  items: readonly Entity[];
  customers: readonly Entity[];
  vendors: readonly Entity[];
}

/**
 * Builds the generated company, then adds `records` (ids must not collide with the generated
 * ones: the generator numbers from 1). Written as recipe rows: a reset forgets them.
 */
export function addHostileCompany(state: SandboxState, records: HostileRecords): Company {
  const c = createCompany(state, {
    name: HOSTILE_COMPANY_SPEC.name,
    seed: HOSTILE_COMPANY_SPEC.seed,
    counts: { ...HOSTILE_COMPANY_SPEC },
  });
  const now = state.clock.now();
  for (const v of records.vendors) c.put("Vendor", v, now, false);
  for (const i of records.items) c.put("Item", i, now, false);
  for (const cu of records.customers) c.put("Customer", cu, now, false);
  return c;
}

/** Builders for hostile rows in Intuit's stored shape; `patch` may set any field to anything. */
export const hostile = {
  inventory(id: string, name: string, patch: JsonObject = {}): Entity {
    const meta = metaData(Date.UTC(2025, 0, 1));
    return {
      ...inventoryItem(id, meta, {
        name,
        description: "",
        cost: 1,
        price: 2,
        qty: 3,
        reorder: 1,
      }),
      ...patch,
    };
  },
  simple(id: string, type: "NonInventory" | "Service", name: string, patch: JsonObject = {}) {
    const meta = metaData(Date.UTC(2025, 0, 1));
    return { ...simpleItem(id, meta, type, { name, description: "", price: 5 }), ...patch };
  },
  customer(id: string, display: string, patch: JsonObject = {}): Entity {
    return { ...customer(id, metaData(Date.UTC(2025, 0, 1)), { display }), ...patch };
  },
  vendor(id: string, display: string): Entity {
    return vendor(id, metaData(Date.UTC(2025, 0, 1)), { display, company: display });
  },
  vendorRef: (id: string, name: string) => ref(id, name),
};
