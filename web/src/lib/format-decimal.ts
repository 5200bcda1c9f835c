/**
 * Money and quantities arrive as exact decimal strings. Intl.NumberFormat formats a numeric
 * *string* as an exact decimal (ECMA-402 v3), so "0.1" never shows as 0.1000000001 and a
 * 19-digit amount keeps its cents. Display only: nothing here does arithmetic.
 */
type Decimal = string;

const asExact = (value: Decimal) => value as Intl.StringNumericLiteral;

export function formatMoney(value: Decimal, locale: string, currency = "USD"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(asExact(value));
}

export function formatQuantity(value: Decimal, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(asExact(value));
}

/** Compares two decimal strings exactly (-1, 0, 1), e.g. for "at or below critical". */
export function compareDecimals(a: Decimal, b: Decimal): number {
  const [signA, intA, fracA] = split(a);
  const [signB, intB, fracB] = split(b);
  if (signA !== signB) return signA < signB ? -1 : 1;
  const width = Math.max(fracA.length, fracB.length);
  const digitsA = intA + fracA.padEnd(width, "0");
  const digitsB = intB + fracB.padEnd(width, "0");
  const magnitude =
    digitsA.length !== digitsB.length
      ? Math.sign(digitsA.length - digitsB.length)
      : Math.sign(digitsA.localeCompare(digitsB, "en"));
  return signA < 0 ? -magnitude : magnitude;
}

function split(value: Decimal): [number, string, string] {
  const negative = value.trim().startsWith("-");
  const [int = "0", frac = ""] = value.trim().replace(/^[-+]/, "").split(".");
  const intDigits = int.replace(/^0+(?=\d)/, "");
  const zero = /^0*$/.test(intDigits + frac);
  return [zero ? 0 : negative ? -1 : 1, intDigits, frac.replace(/0+$/, "")];
}
