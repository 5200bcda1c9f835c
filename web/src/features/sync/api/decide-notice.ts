import { SyncStatusSchema } from "@app/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { syncKeys } from "./keys";

export const decideNotice = ({ id, decision }: { id: string; decision: "unlink" | "keep" }) =>
  apiFetch(`/api/quickbooks/sync/notices/${id}`, {
    method: "POST",
    body: { decision },
    schema: SyncStatusSchema,
  });

export function useDecideNotice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideNotice,
    onSuccess: (status) => {
      queryClient.setQueryData(syncKeys.status(), status);
      // An unlinked part leaves the drift report.
      return queryClient.invalidateQueries({ queryKey: [...syncKeys.all, "drift"] });
    },
  });
}
