/** JSON value types and small typed getters; entities are kept as plain JSON objects. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
export type JsonObject = { [key: string]: Json };
export type Entity = JsonObject;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function getStr(o: JsonObject | undefined, key: string): string | undefined {
  const v = o?.[key];
  return typeof v === "string" ? v : undefined;
}

export function getNum(o: JsonObject | undefined, key: string): number | undefined {
  const v = o?.[key];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

export function getBool(o: JsonObject | undefined, key: string): boolean | undefined {
  const v = o?.[key];
  return typeof v === "boolean" ? v : undefined;
}

export function getObj(o: JsonObject | undefined, key: string): JsonObject | undefined {
  const v = o?.[key];
  return isObject(v) ? v : undefined;
}

export function getArr(o: JsonObject | undefined, key: string): Json[] | undefined {
  const v = o?.[key];
  return Array.isArray(v) ? v : undefined;
}

/** The `value` of a ReferenceType field (`{ value, name? }`). */
export function getRef(o: JsonObject | undefined, key: string): string | undefined {
  const ref = getObj(o, key);
  const v = ref?.value;
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  return undefined;
}

/** Reads a dotted path such as `MetaData.LastUpdatedTime`. */
export function getPath(o: JsonObject, path: string): Json | undefined {
  let cur: Json | undefined = o;
  for (const part of path.split(".")) {
    if (!isObject(cur)) return undefined;
    cur = findKeyCaseInsensitive(cur, part);
  }
  return cur;
}

function findKeyCaseInsensitive(o: JsonObject, key: string): Json | undefined {
  if (key in o) return o[key];
  const lower = key.toLowerCase();
  for (const k of Object.keys(o)) if (k.toLowerCase() === lower) return o[k];
  return undefined;
}
