/**
 * Exact arithmetic on decimal strings ("12.75", "-3", "0.125") through scaled BigInts: the
 * quantities QuickBooks and PostgreSQL hand us never pass through a float.
 */
interface Scaled {
  units: bigint;
  scale: number;
}

function parse(value: string): Scaled {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(value.trim());
  if (!m) throw new RangeError(`not a decimal: ${value}`);
  const [, sign = "", whole = "", fraction = ""] = m;
  const units = BigInt(`${whole || "0"}${fraction}`);
  return { units: sign === "-" ? -units : units, scale: fraction.length };
}

const rescale = (d: Scaled, scale: number): bigint => d.units * 10n ** BigInt(scale - d.scale);

function format(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, "");
  const text = fraction ? `${whole}.${fraction}` : whole;
  return negative && text !== "0" ? `-${text}` : text;
}

/** a + b + … − nothing: pass negated values with `negate`. */
export function sum(...values: string[]): string {
  const parsed = values.map(parse);
  const scale = Math.max(0, ...parsed.map((p) => p.scale));
  return format(
    parsed.reduce((acc, p) => acc + rescale(p, scale), 0n),
    scale,
  );
}

export const negate = (value: string): string => format(-parse(value).units, parse(value).scale);

export const subtract = (a: string, b: string): string => sum(a, negate(b));

/** Canonical form: "12.50" and "12.5" compare equal. */
export const normalize = (value: string): string => sum(value);

export const sameDecimal = (a: string | null, b: string | null): boolean =>
  a === null || b === null ? a === b : normalize(a) === normalize(b);

export const isZero = (value: string): boolean => parse(value).units === 0n;
