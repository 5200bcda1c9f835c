import { ExportJobSchema, ExportRecordListSchema } from "@app/shared";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { apiFetch } from "../../../lib/api-client";
import { inventoryRoot, onboardingKeys } from "./keys";

const live = (status: string | undefined) => status === "queued" || status === "running";

/**
 * Polls while the export runs; reading it is also what resumes one whose runner stopped. When
 * it ends, what it changed (the checklist, the parts' links) is read again at once.
 */
export function useExport(id: string | undefined) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: onboardingKeys.export(id ?? ""),
    queryFn: ({ signal }) =>
      apiFetch(`/api/quickbooks/exports/${encodeURIComponent(id ?? "")}`, {
        schema: ExportJobSchema,
        signal,
      }),
    enabled: !!id,
    refetchInterval: (q) => (live(q.state.data?.status) ? 500 : false),
  });
  const status = query.data?.status;
  useEffect(() => {
    if (!status || live(status)) return;
    void queryClient.invalidateQueries({ queryKey: onboardingKeys.status() });
    void queryClient.invalidateQueries({ queryKey: inventoryRoot });
  }, [status, queryClient]);
  return query;
}

export function useExportRecords(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: onboardingKeys.exportRecords(id ?? ""),
    queryFn: ({ signal }) =>
      apiFetch(`/api/quickbooks/exports/${encodeURIComponent(id ?? "")}/records`, {
        schema: ExportRecordListSchema,
        signal,
      }),
    enabled: !!id && enabled,
  });
}
