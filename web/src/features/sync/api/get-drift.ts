import { type DriftQuery, type DriftReport, DriftReportSchema } from "@app/shared";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { syncKeys } from "./keys";

export function getDrift(q: DriftQuery, signal?: AbortSignal): Promise<DriftReport> {
  const params = new URLSearchParams({ show: q.show });
  if (q.field) params.set("field", q.field);
  if (q.search) params.set("search", q.search);
  return apiFetch(`/api/quickbooks/sync/drift?${params.toString()}`, {
    schema: DriftReportSchema,
    signal,
  });
}

/** Reads every item from QuickBooks, so it runs when asked, not on every visit. */
export const driftQueryOptions = (q: DriftQuery) =>
  queryOptions({
    queryKey: syncKeys.drift(q),
    queryFn: ({ signal }) => getDrift(q, signal),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });

export const useDrift = (q: DriftQuery, enabled: boolean) =>
  useQuery({ ...driftQueryOptions(q), enabled });
