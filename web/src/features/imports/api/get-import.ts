import { type ImportJob, ImportJobSchema } from "@app/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { importsKeys } from "./keys";
import { isLive, POLL_MS } from "./live";

export function getImport(id: string, signal?: AbortSignal): Promise<ImportJob> {
  return apiFetch(`/api/quickbooks/imports/${encodeURIComponent(id)}`, {
    schema: ImportJobSchema,
    signal,
  });
}

export const importQueryOptions = (id: string) =>
  queryOptions({
    queryKey: importsKeys.detail(id),
    queryFn: ({ signal }) => getImport(id, signal),
    refetchInterval: (query) => (isLive(query.state.data) ? POLL_MS : false),
  });

export function useImport(id: string | undefined) {
  return useQuery({ ...importQueryOptions(id ?? ""), enabled: id !== undefined });
}
