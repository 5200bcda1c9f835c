/** Typed comparison of a stored value with a query literal (numbers, booleans, times, text). */
import type { Row } from "../companies/company.js";
import type { Json } from "../json.js";
import { getPath, isObject } from "../json.js";
import { parseTimestamp } from "../time.js";
import type { Condition, Literal } from "./query-parser.js";

export type Scalar = string | number | boolean;

/** The value a condition sees: refs compare by `value`; LastUpdatedTime by the exact write ms. */
export function fieldValue(row: Row, field: string): Scalar | undefined {
  if (field === "MetaData.LastUpdatedTime") return row.updatedMs;
  let v: Json | undefined = getPath(row.e, field);
  if (isObject(v)) v = v.value;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") {
    if (field === "MetaData.CreateTime" && typeof v === "string") return parseTimestamp(v);
    return v;
  }
  return undefined;
}

function literalFor(field: string, sample: Scalar, lit: Literal): Scalar | undefined {
  if (field.startsWith("MetaData.")) {
    const ms = lit.kind === "string" ? parseTimestamp(lit.value) : Number.NaN;
    return Number.isNaN(ms) ? undefined : ms;
  }
  if (typeof sample === "number") return lit.kind === "bool" ? undefined : Number(lit.value);
  if (typeof sample === "boolean")
    return lit.kind === "bool"
      ? lit.value
      : lit.kind === "string"
        ? lit.value.toLowerCase() === "true"
        : undefined;
  return String(lit.value);
}

/** Compares two same-typed scalars; text is case-insensitive, numeric Ids compare as numbers. */
export function compareScalars(a: Scalar, b: Scalar): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  const sa = String(a),
    sb = String(b);
  if (/^\d+$/.test(sa) && /^\d+$/.test(sb)) return Number(sa) - Number(sb);
  const la = sa.toLowerCase(),
    lb = sb.toLowerCase();
  return la < lb ? -1 : la > lb ? 1 : 0;
}

function likeRegex(raw: string): RegExp {
  let out = "";
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] ?? "";
    if (ch === "\\" && i + 1 < raw.length) {
      out += escapeRegex(raw[++i] ?? "");
    } else if (ch === "%") {
      out += "[\\s\\S]*";
    } else {
      out += escapeRegex(ch);
    }
  }
  return new RegExp(`^${out}$`, "iu");
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

export type RowPredicate = (row: Row) => boolean;

export function predicate(c: Condition): RowPredicate {
  if (c.op === "LIKE") {
    const lit = c.values[0];
    const re = likeRegex(lit?.kind === "string" ? lit.raw : "");
    return (row) => {
      const v = fieldValue(row, c.field);
      return typeof v === "string" && re.test(v);
    };
  }
  return (row) => {
    const v = fieldValue(row, c.field);
    if (v === undefined) return false;
    return c.values.some((lit) => {
      const target = literalFor(c.field, v, lit);
      if (target === undefined) return false;
      const cmp = compareScalars(v, target);
      switch (c.op) {
        case "=":
        case "IN":
          return cmp === 0;
        case "<":
          return cmp < 0;
        case ">":
          return cmp > 0;
        case "<=":
          return cmp <= 0;
        case ">=":
          return cmp >= 0;
        default:
          return false;
      }
    });
  };
}
