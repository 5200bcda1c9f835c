import { SyncStatusSchema } from "@app/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { syncKeys } from "./keys";

export type NoticeDecision = "unlink" | "keep" | "relink";

export const decideNotice = ({ id, decision }: { id: string; decision: NoticeDecision }) =>
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
      // An unlinked (or relinked) part leaves or changes the drift report.
      return queryClient.invalidateQueries({ queryKey: [...syncKeys.all, "drift"] });
    },
  });
}
