/** Field validation helpers that raise Intuit's codes (2020, 2010, 2050, 610). */
import type { Company, EntityName } from "../companies/company.js";
import { errors } from "../api/errors.js";
import type { Entity, JsonObject } from "../json.js";
import { getBool, getObj, getRef, getStr, isObject } from "../json.js";

/** The slice of Company the field helpers need. */
export type WriteCtxCompany = Pick<Company, "get">;

export function requireStr(e: Entity, key: string): string {
  const v = getStr(e, key);
  if (v === undefined || v.trim() === "") throw errors.requiredParam(key);
  return v;
}

export function maxLength(e: Entity, key: string, max: number): void {
  const v = getStr(e, key);
  if (v !== undefined && v.length > max)
    throw errors.invalidString(key, `String length exceeds ${max}`);
}

/** Money and quantity fields must be JSON numbers. */
export function numberField(e: Entity, key: string): number | undefined {
  const v = e[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isFinite(v))
    throw errors.invalidProperty(`${key} (expected a number)`);
  return v;
}

export function boolField(e: Entity, key: string, fallback: boolean): boolean {
  const v = e[key];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== "boolean") throw errors.invalidProperty(`${key} (expected a boolean)`);
  return v;
}

/** The display name a ref carries for each referenced type (Intuit fills `name` in). */
export function refName(type: EntityName, target: Entity): string | undefined {
  if (type === "Customer" || type === "Item" || type === "Account")
    return (
      getStr(target, "FullyQualifiedName") ??
      getStr(target, "Name") ??
      getStr(target, "DisplayName")
    );
  return getStr(target, "DisplayName");
}

/**
 * Validates a ReferenceType field against the company (610 for unknown or inactive targets).
 * A ref that is unchanged from the stored entity is accepted as is: QBO keeps existing
 * links to records made inactive later (e.g. an item whose preferred vendor closed).
 */
export function checkRef(
  company: WriteCtxCompany,
  candidate: Entity,
  existing: Entity | undefined,
  key: string,
  type: EntityName,
): JsonObject | undefined {
  const raw = candidate[key];
  if (raw === undefined || raw === null) return undefined;
  if (!isObject(raw)) throw errors.invalidProperty(key);
  const id = getRef(candidate, key);
  if (id === undefined || id === "") throw errors.requiredParam(`${key}.value`);
  const target = company.get(type, id);
  const unchanged = existing !== undefined && getRef(existing, key) === id;
  if (!target || (!unchanged && getBool(target.e, "Active") === false))
    throw errors.notFound(key, id);
  const name = refName(type, target.e);
  const out: JsonObject = { value: id };
  if (name !== undefined) out.name = name;
  const t = getObj(candidate, key)?.type;
  if (typeof t === "string") out.type = t;
  candidate[key] = out;
  return out;
}
