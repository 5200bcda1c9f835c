/**
 * Timestamps as QuickBooks writes them: ISO-8601 with the company's UTC offset. The sandbox
 * uses one fixed offset (-07:00, as in Intuit's samples) instead of a real time zone, so
 * output is stable across DST.
 */
const OFFSET_MINUTES = -7 * 60;
const OFFSET_TEXT = "-07:00";

function shifted(ms: number): Date {
  return new Date(ms + OFFSET_MINUTES * 60_000);
}

/** `2025-01-15T09:00:00-07:00` — MetaData times carry whole seconds. */
export function isoSeconds(ms: number): string {
  return `${shifted(ms).toISOString().slice(0, 19)}${OFFSET_TEXT}`;
}

/** `2025-01-15T09:00:00.123-07:00` — the `time` field of every response body. */
export function isoMillis(ms: number): string {
  return `${shifted(ms).toISOString().slice(0, 23)}${OFFSET_TEXT}`;
}

/** `2025-01-15`, the company-local date (TxnDate, InvStartDate). */
export function localDate(ms: number): string {
  return shifted(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Parses what clients send in queries and CDC: a date (company-local midnight) or a datetime
 * with `Z`, `+hh:mm` or `-hhmm` offset (no offset = company-local). Returns NaN when invalid.
 */
export function parseTimestamp(text: string): number {
  const s = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return Date.parse(`${s}T00:00:00${OFFSET_TEXT}`);
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(
    s,
  );
  if (!m || m[1] === undefined) return Number.NaN;
  const zone = m[2] ?? OFFSET_TEXT;
  const normalizedZone =
    zone === "Z" || zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return Date.parse(`${m[1]}${normalizedZone}`);
}
