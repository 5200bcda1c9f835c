import { type SyncCategory, SyncStatusSchema } from "@app/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { syncKeys } from "./keys";

export const setKeepInSync = (body: { category: SyncCategory; keepInSync: boolean }) =>
  apiFetch("/api/quickbooks/sync/settings", { method: "PUT", body, schema: SyncStatusSchema });

export function useSetKeepInSync() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setKeepInSync,
    onSuccess: (status) => queryClient.setQueryData(syncKeys.status(), status),
  });
}
