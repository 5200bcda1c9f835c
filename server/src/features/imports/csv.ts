/**
 * RFC 4180 cells: quoted when they hold a comma, quote or line break, quotes doubled. A cell
 * that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading
 * apostrophe (OWASP "CSV injection"): item names come from QuickBooks, i.e. from anyone.
 */
export function csvCell(value: string | null | undefined): string {
  let s = value ?? "";
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (cells: readonly (string | null | undefined)[]): string =>
  `${cells.map(csvCell).join(",")}\r\n`;
