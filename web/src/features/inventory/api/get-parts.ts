import { type PartList, type PartListQuery, PartListSchema } from "@app/shared";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { inventoryKeys } from "./keys";

/** The query string the BFF expects; defaults are left out so URLs stay short. */
export function partListSearch(q: PartListQuery): string {
  const params = new URLSearchParams({
    page: String(q.page),
    pageSize: String(q.pageSize),
    sort: q.sort,
  });
  if (q.search) params.set("search", q.search);
  if (q.kind) params.set("kind", q.kind);
  if (q.linked !== undefined) params.set("linked", String(q.linked));
  if (q.lowStock) params.set("lowStock", "true");
  if (q.after) params.set("after", q.after);
  return params.toString();
}

export function getParts(q: PartListQuery, signal?: AbortSignal): Promise<PartList> {
  return apiFetch(`/api/inventory?${partListSearch(q)}`, { schema: PartListSchema, signal });
}

export const partsQueryOptions = (q: PartListQuery) =>
  queryOptions({
    queryKey: inventoryKeys.list(q),
    queryFn: ({ signal }) => getParts(q, signal),
    // The previous page stays on screen (dimmed) while the next one loads: no flashing table.
    placeholderData: keepPreviousData,
  });

export function useParts(q: PartListQuery) {
  return useQuery(partsQueryOptions(q));
}
