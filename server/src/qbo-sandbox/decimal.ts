/**
 * Exact decimal arithmetic on scaled bigints. Money must be exact to the cent and quantities
 * can be fractional (motor oil by the quart), so floats are never used for arithmetic.
 */
const SCALE_DIGITS = 8;
const SCALE = 10n ** BigInt(SCALE_DIGITS);

export type Dec = bigint;

export function dec(value: number | string): Dec {
  let s = typeof value === "number" ? numberToPlain(value) : value.trim();
  if (!/^-?\d+(\.\d+)?$/.test(s)) throw new RangeError(`not a decimal: ${String(value)}`);
  const neg = s.startsWith("-");
  if (neg) s = s.slice(1);
  const [intPart = "0", fracRaw = ""] = s.split(".");
  const frac = (fracRaw + "0".repeat(SCALE_DIGITS)).slice(0, SCALE_DIGITS);
  const abs = BigInt(intPart) * SCALE + BigInt(frac);
  return neg ? -abs : abs;
}

function numberToPlain(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not finite: ${n}`);
  const s = String(n);
  // Exponent notation (1e-7, 1e21) is expanded; toFixed keeps the digits we care about.
  return /e/i.test(s) ? n.toFixed(SCALE_DIGITS) : s;
}

export function mul(a: Dec, b: Dec): Dec {
  return divRoundHalfUp(a * b, SCALE);
}

/** Rounds half away from zero to `places` decimals (QuickBooks rounds amounts half-up). */
export function round(a: Dec, places: number): Dec {
  const unit = 10n ** BigInt(SCALE_DIGITS - places);
  return divRoundHalfUp(a, unit) * unit;
}

export function round2(a: Dec): Dec {
  return round(a, 2);
}

function divRoundHalfUp(n: bigint, d: bigint): bigint {
  const neg = n < 0n;
  const abs = neg ? -n : n;
  const q = (abs + d / 2n) / d;
  return neg ? -q : q;
}

export function toNumber(a: Dec): number {
  return Number(toString(a));
}

export function toString(a: Dec): string {
  const neg = a < 0n;
  const abs = neg ? -a : a;
  const int = abs / SCALE;
  const frac = (abs % SCALE).toString().padStart(SCALE_DIGITS, "0").replace(/0+$/, "");
  return `${neg ? "-" : ""}${int}${frac ? `.${frac}` : ""}`;
}

export function sum(values: readonly Dec[]): Dec {
  return values.reduce((acc, v) => acc + v, 0n);
}

/** Exact money/quantity arithmetic on JSON numbers: `addNumbers(37.5, -2.25) === 35.25`. */
export function addNumbers(a: number, b: number): number {
  return toNumber(dec(a) + dec(b));
}

/** a / b rounded half-up at full internal precision. */
export function div(a: Dec, b: Dec): Dec {
  if (b === 0n) throw new RangeError("division by zero");
  const n = a * SCALE;
  const neg = n < 0n !== b < 0n;
  const q = divRoundHalfUp(n < 0n ? -n : n, b < 0n ? -b : b);
  return neg ? -q : q;
}
