import { StartingSituationStateSchema } from "@app/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { onboardingKeys } from "./keys";

export const startingSituationQueryOptions = () =>
  queryOptions({
    queryKey: onboardingKeys.situation(),
    queryFn: ({ signal }) =>
      apiFetch("/api/quickbooks/starting-situation", {
        schema: StartingSituationStateSchema,
        signal,
      }),
  });

export const useStartingSituation = () => useQuery(startingSituationQueryOptions());
