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

export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startImport,
    onSuccess: (job) => {
      queryClient.setQueryData(importsKeys.detail(job.id), job);
      return queryClient.invalidateQueries({ queryKey: importsKeys.all });
    },
  });
}
