import { ExportJobSchema, ExportRecordListSchema } from "@app/shared";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { onboardingKeys } from "./keys";

const live = (status: string | undefined) => status === "queued" || status === "running";

/** Polls while the export runs; reading it is also what resumes one whose runner stopped. */
export function useExport(id: string | undefined) {
  return useQuery({
    queryKey: onboardingKeys.export(id ?? ""),
    queryFn: ({ signal }) =>
      apiFetch(`/api/quickbooks/exports/${encodeURIComponent(id ?? "")}`, {
        schema: ExportJobSchema,
        signal,
      }),
    enabled: !!id,
    refetchInterval: (q) => (live(q.state.data?.status) ? 500 : false),
  });
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
