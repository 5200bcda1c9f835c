/**
 * One sandbox company (realm): tables of entities keyed by Id, name indexes for the 6240
 * rules, tombstones for CDC, and a per-table version that invalidates cached query results.
 */
import type { Entity } from "../json.js";
import { getStr } from "../json.js";
import type { Recipe } from "./company-recipe.js";
import { DEFAULT_EDITION, type Edition } from "./edition.js";

export const ENTITY_NAMES = [
  "Account",
  "Item",
  "Customer",
  "Vendor",
  "Invoice",
  "InventoryAdjustment",
] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

export interface Row {
  e: Entity;
  /** Exact ms of the last write; MetaData shows whole seconds, CDC/queries compare this. */
  updatedMs: number;
}

type Tables<T> = Record<EntityName, T>;

function tables<T>(make: () => T): Tables<T> {
  return {
    Account: make(),
    Item: make(),
    Customer: make(),
    Vendor: make(),
    Invoice: make(),
    InventoryAdjustment: make(),
  };
}

export class Company {
  readonly tables: Tables<Map<string, Row>> = tables(() => new Map());
  /** Id → deletion ms, for CDC `status: "Deleted"`. */
  readonly tombstones: Tables<Map<string, number>> = tables(() => new Map());
  readonly versions: Tables<number> = tables(() => 0);
  readonly nextIds: Tables<number> = tables(() => 1);
  /** `Type:Id` of every row written after the recipe built the company (what persistence saves). */
  readonly touched = new Set<string>();
  readonly itemNames = new Map<string, string>();
  readonly displayNames = new Map<string, { type: EntityName; id: string }>();
  readonly docNumbers = new Map<string, string>();
  readonly queryCache = new Map<string, { version: number; rows: Row[] }>();
  nextDocNumber = 1001;
  companyInfo: Row = { e: {}, updatedMs: 0 };
  preferences: Row = { e: {}, updatedMs: 0 };

  constructor(
    readonly realmId: string,
    public name: string,
    readonly recipe: Recipe,
    readonly createdMs: number,
  ) {}

  /** Set when the plan or country changed after the company was built. */
  changedEdition: Edition | undefined;

  get edition(): Edition {
    return this.changedEdition ?? this.recipe.edition ?? DEFAULT_EDITION;
  }

  get(type: EntityName, id: string): Row | undefined {
    return this.tables[type].get(id);
  }

  allocId(type: EntityName): string {
    const id = this.nextIds[type];
    this.nextIds[type] = id + 1;
    return String(id);
  }

  /** Inserts or replaces a row, keeping indexes and versions right. `touch` = written via API. */
  put(type: EntityName, e: Entity, updatedMs: number, touch = true): void {
    const id = getStr(e, "Id");
    if (id === undefined) throw new Error("entity without Id");
    const old = this.tables[type].get(id);
    if (old) this.unindex(type, old.e);
    this.index(type, e);
    this.tables[type].set(id, { e, updatedMs });
    this.versions[type]++;
    const n = Number(id);
    if (Number.isInteger(n) && n >= this.nextIds[type]) this.nextIds[type] = n + 1;
    if (touch) this.touched.add(`${type}:${id}`);
  }

  remove(type: EntityName, id: string, nowMs: number): void {
    const old = this.tables[type].get(id);
    if (!old) return;
    this.unindex(type, old.e);
    this.tables[type].delete(id);
    this.tombstones[type].set(id, nowMs);
    this.versions[type]++;
    this.touched.add(`${type}:${id}`);
  }

  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const type of ENTITY_NAMES) out[type] = this.tables[type].size;
    return out;
  }

  private index(type: EntityName, e: Entity): void {
    const id = getStr(e, "Id") ?? "";
    if (type === "Item") {
      const name = getStr(e, "Name");
      if (name) this.itemNames.set(nameKey(name), id);
    } else if (type === "Customer" || type === "Vendor") {
      const name = getStr(e, "DisplayName");
      if (name) this.displayNames.set(nameKey(name), { type, id });
    } else if (type === "Invoice") {
      const doc = getStr(e, "DocNumber");
      if (doc) this.docNumbers.set(doc, id);
    }
  }

  private unindex(type: EntityName, e: Entity): void {
    const id = getStr(e, "Id");
    const drop = <V>(map: Map<string, V>, key: string | undefined, owns: (v: V) => boolean) => {
      if (key === undefined) return;
      const v = map.get(key);
      if (v !== undefined && owns(v)) map.delete(key);
    };
    if (type === "Item") drop(this.itemNames, keyOf(getStr(e, "Name")), (v) => v === id);
    else if (type === "Customer" || type === "Vendor")
      drop(
        this.displayNames,
        keyOf(getStr(e, "DisplayName")),
        (v) => v.type === type && v.id === id,
      );
    else if (type === "Invoice") drop(this.docNumbers, getStr(e, "DocNumber"), (v) => v === id);
  }
}

/** QuickBooks compares names case-insensitively and ignores surrounding spaces. */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

function keyOf(name: string | undefined): string | undefined {
  return name === undefined ? undefined : nameKey(name);
}
