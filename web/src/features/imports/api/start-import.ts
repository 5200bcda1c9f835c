import { type ImportCategory, type ImportJob, ImportJobSchema } from "@app/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { importsKeys } from "./keys";

export function startImport(body: {
  category: ImportCategory;
  dryRun: boolean;
}): Promise<ImportJob> {
  return apiFetch("/api/quickbooks/imports", { method: "POST", body, schema: ImportJobSchema });
}

/**
 * `onStarted` runs before the lists refresh: a small import can be finished by the time they
 * answer, and a run that was not yet marked as started by this page would end without its
 * completion toast (the mutate() callbacks come too late for that).
 */
export function useStartImport(onStarted?: (job: ImportJob) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startImport,
    onSuccess: (job) => {
      queryClient.setQueryData(importsKeys.detail(job.id), job);
      onStarted?.(job);
      return queryClient.invalidateQueries({ queryKey: importsKeys.all });
    },
  });
}
