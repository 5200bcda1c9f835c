import { type ImportJob, ImportJobSchema } from "@app/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { importsKeys } from "./keys";

export function cancelImport(id: string): Promise<ImportJob> {
  return apiFetch(`/api/quickbooks/imports/${encodeURIComponent(id)}/cancel`, {
    method: "POST",
    schema: ImportJobSchema,
  });
}

export function useCancelImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelImport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importsKeys.all }),
  });
}
