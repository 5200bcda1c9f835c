import { type ImportCategory, type ImportJobList, ImportJobListSchema } from "@app/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { importsKeys } from "./keys";
import { isLive, POLL_MS } from "./live";

export function getImports(
  filters: { category?: ImportCategory; limit?: number },
  signal?: AbortSignal,
): Promise<ImportJobList> {
  const q = new URLSearchParams();
  if (filters.category) q.set("category", filters.category);
  if (filters.limit) q.set("limit", String(filters.limit));
  return apiFetch(`/api/quickbooks/imports?${q.toString()}`, {
    schema: ImportJobListSchema,
    signal,
  });
}

export const importsQueryOptions = (filters: { category?: ImportCategory; limit?: number }) =>
  queryOptions({
    queryKey: importsKeys.list(filters),
    queryFn: ({ signal }) => getImports(filters, signal),
    // Poll only while a run is moving: leaving the tab and coming back shows the same progress.
    refetchInterval: (query) => (query.state.data?.items.some(isLive) ? POLL_MS : false),
  });

export function useImports(filters: { category?: ImportCategory; limit?: number }) {
  return useQuery(importsQueryOptions(filters));
}
