/**
 * The invoice numbering rule. An invoice is numbered like its order ("1002"). When QuickBooks
 * already has that number on an invoice that is not this order's (a bookkeeper's own invoice,
 * another Shopmonkey location sharing the company), the order is sent as "SM-1002", then
 * "SM-1002-2", "SM-1002-3"…: never a second "1002" (Intuit's allowduplicatedocnum would make
 * the collision silent), and the order shows the number it got.
 */
export const RENUMBER_PREFIX = "SM-";

export function firstDocNumber(orderNumber: number): string {
  return String(orderNumber);
}

/** The number to try after `taken` was refused as a duplicate (Intuit 6140). */
export function nextDocNumber(orderNumber: number, taken: string): string {
  const base = `${RENUMBER_PREFIX}${orderNumber}`;
  if (taken === base) return `${base}-2`;
  const suffix = taken.startsWith(`${base}-`) ? Number(taken.slice(base.length + 1)) : NaN;
  return Number.isInteger(suffix) && suffix >= 2 ? `${base}-${suffix + 1}` : base;
}
