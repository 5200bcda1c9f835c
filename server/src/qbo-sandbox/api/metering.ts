/**
 * Intuit's App Partner Program meters "CorePlus" calls (data out: reads, queries, CDC) per app
 * and calendar month; "Core" calls (data in: create, update, delete) are not metered. The
 * Builder tier "has an included limit of 500,000 CorePlus API calls per workspace per month. API
 * calls beyond that limit will be throttled and an HTTP 429 error will be returned"
 * (https://developer.intuit.com/app/developer/qbo/docs/learn/limits-and-throttles). Only
 * successful calls are metered. The sandbox counts both kinds per (app, realm, UTC month) and
 * enforces an optional cap (`readCap`) on the app's monthly CorePlus total.
 */
import type { ApiRequest } from "./api-dispatch.js";
import { isObject } from "../json.js";

export interface MeterCount {
  corePlus: number;
  core: number;
}

export interface MeterRow extends MeterCount {
  month: string;
  clientId: string;
  realmId: string;
}

/** How many CorePlus and Core calls one request is (a batch counts each of its items). */
export function classify(req: ApiRequest): MeterCount {
  const resource = (req.segments[0] ?? "").toLowerCase();
  if (resource === "batch" && req.method === "POST") {
    const items = isObject(req.body) ? req.body.BatchItemRequest : undefined;
    if (!Array.isArray(items)) return { corePlus: 0, core: 1 };
    const reads = items.filter((i) => isObject(i) && i.Query !== undefined).length;
    return { corePlus: reads, core: items.length - reads };
  }
  const read = req.method === "GET" || resource === "query";
  return read ? { corePlus: 1, core: 0 } : { corePlus: 0, core: 1 };
}

export const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7);

export class Meter {
  private readonly rows = new Map<string, MeterRow>();

  add(clientId: string, realmId: string, nowMs: number, n: MeterCount): void {
    const month = monthOf(nowMs);
    const key = JSON.stringify([month, clientId, realmId]);
    const row = this.rows.get(key) ?? { month, clientId, realmId, corePlus: 0, core: 0 };
    row.corePlus += n.corePlus;
    row.core += n.core;
    this.rows.set(key, row);
  }

  /** The app's CorePlus calls this month across every realm (Intuit meters per app). */
  corePlusThisMonth(clientId: string, nowMs: number): number {
    const month = monthOf(nowMs);
    let total = 0;
    for (const r of this.rows.values())
      if (r.month === month && r.clientId === clientId) total += r.corePlus;
    return total;
  }

  view(realmId?: string): MeterRow[] {
    return [...this.rows.values()]
      .filter((r) => realmId === undefined || r.realmId === realmId)
      .map((r) => ({ ...r }));
  }

  reset(): void {
    this.rows.clear();
  }
}
