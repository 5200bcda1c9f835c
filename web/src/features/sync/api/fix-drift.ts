import { type DriftFixRequest, DriftFixResponseSchema } from "@app/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { syncKeys } from "./keys";

export const fixDrift = (body: DriftFixRequest) =>
  apiFetch("/api/quickbooks/sync/drift/fix", {
    method: "POST",
    body,
    schema: DriftFixResponseSchema,
  });

export function useFixDrift() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fixDrift,
    onSettled: () => queryClient.invalidateQueries({ queryKey: syncKeys.all }),
  });
}
