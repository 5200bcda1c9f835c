import type { QboRequest } from "./client.js";

export interface CallCount {
  reads: number;
  writes: number;
}

/** Called once per successful call (Intuit meters only those), with the company it went to. */
export type OnCall = (realmId: string, count: CallCount) => void;

/**
 * How Intuit meters a call (docs/quickbooks.md §6, metered calls): reads (GET, query, CDC)
 * are "CorePlus" and count against the monthly budget; writes are "Core". A batch counts each
 * of its items, a query item as a read.
 */
export function meterOf(req: QboRequest): CallCount {
  if (req.method === "POST" && req.path === "batch") {
    const items = (req.body as { BatchItemRequest?: unknown[] } | undefined)?.BatchItemRequest;
    if (!Array.isArray(items)) return { reads: 0, writes: 1 };
    const reads = items.filter(
      (i) => typeof i === "object" && i !== null && "Query" in i && i.Query !== undefined,
    ).length;
    return { reads, writes: items.length - reads };
  }
  const read = req.method === "GET" || req.path === "query";
  return read ? { reads: 1, writes: 0 } : { reads: 0, writes: 1 };
}
