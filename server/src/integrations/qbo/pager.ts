import type { QboClient } from "./client.js";

/** Intuit's MAXRESULTS ceiling (docs/quickbooks.md §3). */
export const MAX_PAGE = 1000;

interface QueryResponse {
  QueryResponse?: Record<string, unknown> & { totalCount?: number };
}

export interface Page<T> {
  index: number; // 0-based
  rows: T[];
}

/** `select count(*) from …` for the same filter, so progress can show "processed of total". */
export async function countRows(client: QboClient, shopId: string, from: string): Promise<number> {
  const res = await client.call<QueryResponse>(shopId, {
    method: "GET",
    path: "query",
    query: { query: `select count(*) from ${from}` },
  });
  return res.QueryResponse?.totalCount ?? 0;
}

/**
 * Streams every row of `select * from <from>` page by page, in Id order so a resumed import
 * sees the same pages. Up to `prefetch` pages are requested ahead (Intuit allows 10 calls in
 * flight), so memory holds at most that many pages however large the company grows.
 */
export async function* queryPages<T>(
  client: QboClient,
  shopId: string,
  opts: {
    from: string;
    entity: string;
    total: number;
    startPage?: number;
    pageSize?: number;
    prefetch?: number;
  },
): AsyncGenerator<Page<T>> {
  const pageSize = opts.pageSize ?? MAX_PAGE;
  const pages = Math.ceil(opts.total / pageSize);
  const prefetch = Math.max(1, opts.prefetch ?? 4);
  const fetchPage = async (index: number): Promise<Page<T>> => {
    const sql = `select * from ${opts.from} orderby Id startposition ${index * pageSize + 1} maxresults ${pageSize}`;
    const res = await client.call<QueryResponse>(shopId, {
      method: "GET",
      path: "query",
      query: { query: sql },
    });
    return { index, rows: (res.QueryResponse?.[opts.entity] as T[] | undefined) ?? [] };
  };
  const queue: Promise<Page<T>>[] = [];
  let next = opts.startPage ?? 0;
  const fill = () => {
    while (queue.length < prefetch && next < pages) {
      const page = fetchPage(next++);
      // A consumer that stops early (cancel, shutdown) leaves prefetched pages unawaited; their
      // failure must not become an unhandled rejection. Awaiting still sees the error.
      page.catch(() => undefined);
      queue.push(page);
    }
  };
  fill();
  while (queue.length) {
    const page = await queue.shift()!;
    fill();
    yield page;
  }
}
