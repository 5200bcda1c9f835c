import { type ImportOutcome, type ImportRecordsPage, ImportRecordsPageSchema } from "@app/shared";
import { infiniteQueryOptions, useInfiniteQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { importsKeys } from "./keys";

const PAGE = 100;

export function getImportRecords(
  id: string,
  filters: { outcome?: ImportOutcome; cursor?: string },
  signal?: AbortSignal,
): Promise<ImportRecordsPage> {
  const q = new URLSearchParams({ limit: String(PAGE) });
  if (filters.outcome) q.set("outcome", filters.outcome);
  if (filters.cursor) q.set("cursor", filters.cursor);
  return apiFetch(`/api/quickbooks/imports/${encodeURIComponent(id)}/records?${q.toString()}`, {
    schema: ImportRecordsPageSchema,
    signal,
  });
}

export const importRecordsQueryOptions = (id: string, outcome?: ImportOutcome) =>
  infiniteQueryOptions({
    queryKey: importsKeys.records(id, { outcome }),
    queryFn: ({ pageParam, signal }) =>
      getImportRecords(id, { outcome, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor,
  });

export function useImportRecords(id: string, outcome: ImportOutcome | undefined, enabled = true) {
  return useInfiniteQuery({ ...importRecordsQueryOptions(id, outcome), enabled });
}
