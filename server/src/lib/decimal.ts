/**
 * The server's exact decimal math (the implementation lives in @app/shared so the order
 * editor previews the very amounts the server stores and sends to Intuit). Intuit's JSON
 * numbers are converted in `integrations/qbo/numbers.ts`.
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

/** "12.50" and "12.5" are the same amount; null is only the same as null. */
export const sameDecimal = (a: string | null, b: string | null): boolean =>
  a === null || b === null ? a === b : normalizeDecimal(a) === normalizeDecimal(b);
