/**
 * Exact money and quantity math on decimal strings, shared so the editor's preview and the
 * server's stored amounts agree to the cent. Decimal strings ("7.99", "2.5", "-3") through scaled
 * BigInts. Intuit rejects a line whose Amount isn't round2(Qty × UnitPrice) (error 6070), so
 * every amount we send is computed here, never with floats.
 */
interface Scaled {
  units: bigint;
  scale: number;
}

function parse(value: string): Scaled {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(value.trim());
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) throw new RangeError(`not a decimal: ${value}`);
  const [, sign = "", whole = "", fraction = ""] = m;
  const units = BigInt(`${whole || "0"}${fraction}`);
  return { units: sign === "-" ? -units : units, scale: fraction.length };
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);
const rescale = (d: Scaled, scale: number): bigint => d.units * pow10(scale - d.scale);

/** Plain text, trailing zeros kept to `minScale` places ("19.90" with minScale 2). */
function format(units: bigint, scale: number, minScale = 0): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  let fraction = digits.slice(digits.length - scale).replace(/0+$/, "");
  if (fraction.length < minScale) fraction = fraction.padEnd(minScale, "0");
  const text = fraction ? `${whole}.${fraction}` : whole;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}

export function decimalAdd(...values: string[]): string {
  const parsed = values.map(parse);
  const scale = Math.max(0, ...parsed.map((p) => p.scale));
  return format(
    parsed.reduce((acc, p) => acc + rescale(p, scale), 0n),
    scale,
  );
}

export const decimalNegate = (value: string): string => {
  const p = parse(value);
  return format(-p.units, p.scale);
};

export const decimalSubtract = (a: string, b: string): string => decimalAdd(a, decimalNegate(b));

export function decimalMultiply(a: string, b: string): string {
  const x = parse(a);
  const y = parse(b);
  return format(x.units * y.units, x.scale + y.scale);
}

/** Half-up (away from zero) to 2 places, as Intuit rounds line amounts; always 2 decimals. */
export function round2(value: string): string {
  const p = parse(value);
  if (p.scale <= 2) return format(rescale(p, 2), 2, 2);
  const divisor = pow10(p.scale - 2);
  const magnitude = p.units < 0n ? -p.units : p.units;
  let cents = magnitude / divisor;
  if ((magnitude % divisor) * 2n >= divisor) cents += 1n;
  return format(p.units < 0n ? -cents : cents, 2, 2);
}

/** Line amount: round2(quantity × unit price), the value Intuit itself computes. */
export const lineAmount = (quantity: string, unitPrice: string): string =>
  round2(decimalMultiply(quantity, unitPrice));

export function decimalCompare(a: string, b: string): -1 | 0 | 1 {
  const d = parse(decimalSubtract(a, b)).units;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export const decimalIsZero = (value: string): boolean => parse(value).units === 0n;
export const decimalIsNegative = (value: string): boolean => parse(value).units < 0n;

/** Canonical text: "12.50" → "12.5", "-0" → "0". */
export const normalizeDecimal = (value: string): string => decimalAdd(value);
