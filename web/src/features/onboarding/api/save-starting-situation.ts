import { type StartingSituation, StartingSituationStateSchema } from "@app/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { onboardingKeys } from "./keys";

export const saveStartingSituation = (situation: StartingSituation) =>
  apiFetch("/api/quickbooks/starting-situation", {
    method: "PUT",
    body: { situation },
    schema: StartingSituationStateSchema,
  });

export function useSaveStartingSituation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveStartingSituation,
    onSuccess: (state) => queryClient.setQueryData(onboardingKeys.situation(), state),
  });
}
