import { round } from "../lib/stats.js";

export interface ImportResult {
  way: "real" | "naive";
  items: number;
  wallMs: number;
  itemsPerSecond: number;
  requests: number;
  throttled: number;
  maxInFlight: number;
  /** The server process's peak resident memory (real way only: the naive one runs in the bench). */
  peakRssMb: number | null;
  /** The same process idle just before the import (what the import added is the difference). */
  idleRssMb: number | null;
  /** N ÷ 1,000 per page ÷ 10 requests per second: no importer can beat Intuit's limits. */
  floorMs: number;
  ratioToFloor: number;
}

export const floorMs = (items: number) => (items / 1000 / 10) * 1000;

export function importResult(
  way: ImportResult["way"],
  items: number,
  wallMs: number,
  sandbox: { requests: number; throttled: number; maxInFlight: number },
  rss: { peak: number; idle: number } | null,
): ImportResult {
  return {
    way,
    items,
    wallMs: Math.round(wallMs),
    itemsPerSecond: Math.round(items / (wallMs / 1000)),
    requests: sandbox.requests,
    throttled: sandbox.throttled,
    maxInFlight: sandbox.maxInFlight,
    peakRssMb: rss ? round(rss.peak) : null,
    idleRssMb: rss ? round(rss.idle) : null,
    floorMs: floorMs(items),
    ratioToFloor: round(wallMs / floorMs(items), 2),
  };
}
