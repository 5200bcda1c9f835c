/** Builds the hand-written demo company "Riverside Auto Parts (sandbox)". */
import {
  companyInfoEntity,
  envelope,
  metaData,
  preferencesEntity,
  ref,
} from "./company-builders.js";
import { Company } from "./company.js";
import { categoryItem, customer, partItem, simpleItem, vendor } from "./company-item-builders.js";
import { DEFAULT_EDITION, isDefaultEdition, tracksInventory, type Edition } from "./edition.js";
import type { Entity } from "../json.js";
import { DEMO_ACCOUNTS } from "./demo-accounts.js";
import {
  DEMO_CATEGORY_NAME,
  DEMO_INVENTORY,
  DEMO_NON_INVENTORY,
  DEMO_SERVICES,
} from "./demo-items.js";
import {
  DEMO_CUSTOMERS,
  DEMO_VENDORS,
  type NameSeed,
  SUB_CUSTOMER_DISPLAY_NAME,
} from "./demo-names.js";

export const DEMO_REALM_ID = "9341453050298531";
export const DEMO_COMPANY_NAME = "Riverside Auto Parts (sandbox)";

function displayOf(s: NameSeed): string {
  if (s.parentId) return SUB_CUSTOMER_DISPLAY_NAME;
  return s.company ?? `${s.given ?? ""} ${s.family ?? ""}`.trim();
}

function fields(s: NameSeed) {
  return { ...s, display: displayOf(s), active: s.active ?? true };
}

export function buildDemoCompany(
  realmId: string,
  name: string,
  nowMs: number,
  edition: Edition = DEFAULT_EDITION,
): Company {
  const recipe = isDefaultEdition(edition)
    ? { kind: "demo" as const }
    : { kind: "demo" as const, edition };
  const c = new Company(realmId, name, recipe, nowMs);
  const inventory = tracksInventory(edition);
  const meta = metaData(nowMs);
  const put = (type: Parameters<Company["put"]>[0], e: Entity) => c.put(type, e, nowMs, false);
  c.companyInfo = { e: companyInfoEntity(name, nowMs, edition), updatedMs: nowMs };
  c.preferences = { e: preferencesEntity(nowMs, edition), updatedMs: nowMs };

  for (const a of DEMO_ACCOUNTS) {
    put("Account", {
      Name: a.name,
      SubAccount: false,
      FullyQualifiedName: a.name,
      Active: true,
      Classification: a.classification,
      AccountType: a.type,
      AccountSubType: a.subType,
      CurrentBalance: 0,
      CurrentBalanceWithSubAccounts: 0,
      CurrencyRef: { value: "USD", name: "United States Dollar" },
      ...envelope(a.id, meta),
    });
  }
  const vendorNames = new Map<string, string>();
  for (const v of DEMO_VENDORS) {
    const f = fields(v);
    vendorNames.set(v.id, f.display);
    put("Vendor", vendor(v.id, meta, f));
  }
  for (const s of DEMO_CUSTOMERS) {
    const parent = s.parentId ? DEMO_CUSTOMERS.find((p) => p.id === s.parentId) : undefined;
    put(
      "Customer",
      customer(s.id, meta, fields(s), parent && { id: parent.id, fqn: displayOf(parent) }),
    );
  }
  let id = 1;
  for (const p of DEMO_INVENTORY) {
    const vendorRef = ref(p.vendorId, vendorNames.get(p.vendorId));
    put("Item", partItem(String(id++), meta, { ...p, vendor: vendorRef }, inventory));
  }
  for (const p of DEMO_NON_INVENTORY)
    put("Item", simpleItem(String(id++), meta, "NonInventory", p));
  for (const p of DEMO_SERVICES) put("Item", simpleItem(String(id++), meta, "Service", p));
  put("Item", categoryItem(String(id), meta, DEMO_CATEGORY_NAME));
  return c;
}
