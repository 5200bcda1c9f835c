import autocannon from "autocannon";
import { percentile, round } from "../lib/stats.js";

export interface ListResult {
  scenario: string;
  query: string;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  non2xx: number;
}

export const LIST_SHOP = "list-bench";

/** Plain, search, filter, sort and deep page, as the Inventory page asks for them. */
const SCENARIOS: [string, string][] = [
  ["plain page", ""],
  ["search 'brake'", "search=brake"],
  ["filter lowStock", "lowStock=true"],
  ["sort -cost", "sort=-cost"],
  // Next from page 1,499 names that page's last part (keyset); the bare number is a typed URL.
  ["deep page 1500", "page=1500&after={1499}"],
  ["page 1500 by number", "page=1500"],
];

/** `{N}`: the id of the last part of page N, read once through the same endpoint. */
async function resolveCursor(serverUrl: string, headers: Record<string, string>, query: string) {
  const match = /\{(\d+)\}/.exec(query);
  if (!match) return query;
  const res = await fetch(`${serverUrl}/api/inventory?page=${match[1]}`, { headers });
  const { items } = (await res.json()) as { items: { id: string }[] };
  return query.replace(match[0], items.at(-1)?.id ?? "");
}

/**
 * The list endpoint under 10 concurrent connections (autocannon), through the real server,
 * session check included. Latencies are collected per response so p95 is exact (autocannon's
 * summary has p90 and p97.5 but no p95).
 */
export async function runLists(
  serverUrl: string,
  token: string,
  seconds: number,
): Promise<ListResult[]> {
  const headers = { authorization: `Bearer ${token}` };
  const out: ListResult[] = [];
  for (const [scenario, template] of SCENARIOS) {
    const query = await resolveCursor(serverUrl, headers, template);
    const url = `${serverUrl}/api/inventory${query ? `?${query}` : ""}`;
    // Warm-up: plans, caches and JIT, so the figures describe a server that has been up.
    await autocannon({ url, headers, connections: 10, amount: 200 });
    const times: number[] = [];
    const run = autocannon({ url, headers, connections: 10, duration: seconds });
    run.on("response", (_c, status, _b, ms) => {
      if (status < 300) times.push(ms);
    });
    const result = await run;
    out.push({
      scenario,
      query: template || "(none)",
      requests: result.requests.total,
      requestsPerSecond: Math.round(result.requests.average),
      p50Ms: round(percentile(times, 50)),
      p95Ms: round(percentile(times, 95)),
      p99Ms: round(percentile(times, 99)),
      non2xx: result.non2xx + result.errors + result.timeouts,
    });
  }
  return out;
}
