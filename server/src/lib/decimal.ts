/**
 * The server's exact decimal math (the implementation lives in @app/shared so the order
 * editor previews the very amounts the server stores and sends to Intuit).
 */
import { normalizeDecimal } from "@app/shared";

export {
  decimalAdd as add,
  decimalCompare as compare,
  decimalIsNegative as isNegative,
  decimalIsZero as isZero,
  decimalMultiply as multiply,
  decimalNegate as negate,
  decimalSubtract as subtract,
  lineAmount,
  normalizeDecimal as normalize,
  round2,
} from "@app/shared";

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
