import { type ExportScope, ExportJobSchema } from "@app/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { onboardingKeys } from "./keys";

export const startExport = (scope: ExportScope) =>
  apiFetch("/api/quickbooks/exports", { method: "POST", body: scope, schema: ExportJobSchema });

export function useStartExport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startExport,
    onSuccess: (job) => queryClient.setQueryData(onboardingKeys.export(job.id), job),
  });
}
