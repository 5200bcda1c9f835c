/**
 * Intuit's JSON numbers ⇄ our exact decimal strings, in both directions, in one place: every
 * amount, price and quantity that crosses the wire goes through here (docs/architecture.md).
 */
import { normalizeDecimal } from "@app/shared";

/**
 * A QuickBooks JSON number as an exact decimal string for a `numeric` column. JavaScript's
 * shortest round-trip form is what Intuit wrote ("37.5", "69.99"), but it switches to exponent
 * notation for very small or large values ("1e-7"), which PostgreSQL's numeric would accept yet
 * our API contract ("12.75") would not; so the exponent is expanded by moving the point in the
 * digit string. No arithmetic happens on floats.
 */
export function toDecimalString(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text === "-0" ? "0" : text;
  const [, sign = "", whole = "", fraction = "", exp = "0"] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exp);
  let result: string;
  if (point <= 0) result = `0.${"0".repeat(-point)}${digits}`;
  else if (point >= digits.length) result = digits + "0".repeat(point - digits.length);
  else result = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return sign + stripZeros(result);
}

function stripZeros(s: string): string {
  let out = s.replace(/^0+(?=\d)/, "");
  if (out.includes(".")) out = out.replace(/0+$/, "").replace(/\.$/, "");
  return out;
}

export const optionalDecimal = (value: number | undefined): string | null =>
  value === undefined ? null : toDecimalString(value);

/**
 * For Intuit's JSON numbers. Our values have at most a few decimals, and JavaScript's number
 * for such a string prints back as the same digits, so nothing is lost on the wire.
 */
export function toJsonNumber(value: string): number {
  const text = normalizeDecimal(value);
  const n = Number(text);
  if (String(n) !== text) throw new RangeError(`not exactly representable: ${value}`);
  return n;
}
