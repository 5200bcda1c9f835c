import type { MappableItemType, QuickBooksItemOption } from "@app/shared";
import type { QboClient } from "../../integrations/qbo/client.js";

interface QueryAnswer {
  QueryResponse?: { Item?: { Id: string; Name: string; Type: string; Active?: boolean }[] };
}

const quote = (s: string) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

/** Intuit's MAXRESULTS ceiling (docs/quickbooks.md §3); a shop has far fewer services than that. */
const PAGE = 1000;

/** The company's active items of these types, live, sorted by name for the pickers. */
export async function listItems(
  client: QboClient,
  shopId: string,
  types: readonly MappableItemType[],
): Promise<QuickBooksItemOption[]> {
  const out: QuickBooksItemOption[] = [];
  for (let start = 1; ; start += PAGE) {
    const res = await client.call<QueryAnswer>(shopId, {
      method: "GET",
      path: "query",
      query: {
        query: `select * from Item where Type in (${types.map(quote).join(", ")}) orderby Name startposition ${start} maxresults ${PAGE}`,
      },
    });
    const rows = res.QueryResponse?.Item ?? [];
    out.push(...rows.map((i) => ({ id: i.Id, name: i.Name, type: i.Type })));
    if (rows.length < PAGE) return out;
  }
}

/** The named items as QuickBooks has them now (missing ids are simply absent). */
export async function findItems(
  client: QboClient,
  shopId: string,
  ids: readonly string[],
): Promise<Map<string, { name: string; type: string; active: boolean }>> {
  if (ids.length === 0) return new Map();
  // Active in (true, false): an inactive item must be reported as such, not as missing.
  const res = await client.call<QueryAnswer>(shopId, {
    method: "GET",
    path: "query",
    query: {
      query: `select * from Item where Id in (${ids.map(quote).join(", ")}) and Active in (true, false)`,
    },
  });
  return new Map(
    (res.QueryResponse?.Item ?? []).map((i) => [
      i.Id,
      { name: i.Name, type: i.Type, active: i.Active !== false },
    ]),
  );
}
