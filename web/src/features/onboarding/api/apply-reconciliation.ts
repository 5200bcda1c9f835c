import { type ReconciliationApply, ReconciliationRunSchema } from "@app/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { inventoryRoot, onboardingKeys } from "./keys";

export const applyReconciliation = (body: ReconciliationApply) =>
  apiFetch("/api/quickbooks/reconciliation", {
    method: "POST",
    body,
    schema: ReconciliationRunSchema,
  });

export function useApplyReconciliation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: applyReconciliation,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: onboardingKeys.status() });
      await queryClient.invalidateQueries({ queryKey: inventoryRoot });
    },
  });
}
