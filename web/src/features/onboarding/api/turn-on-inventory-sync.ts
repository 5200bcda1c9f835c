import { OnboardingStatusSchema } from "@app/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { onboardingKeys } from "./keys";

export const turnOnInventorySync = () =>
  apiFetch("/api/quickbooks/onboarding/inventory-sync", {
    method: "POST",
    schema: OnboardingStatusSchema,
  });

export function useTurnOnInventorySync() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: turnOnInventorySync,
    onSuccess: (status) => {
      queryClient.setQueryData(onboardingKeys.status(), status);
      // The Sync panel on the same tab shows the same switches.
      return queryClient.invalidateQueries({ queryKey: ["quickbooks", "sync"] });
    },
  });
}
