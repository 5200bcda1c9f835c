import { OnboardingStatusSchema } from "@app/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { onboardingKeys } from "./keys";

export const onboardingStatusQueryOptions = () =>
  queryOptions({
    queryKey: onboardingKeys.status(),
    queryFn: ({ signal }) =>
      apiFetch("/api/quickbooks/onboarding/status", { schema: OnboardingStatusSchema, signal }),
    // The checklist ticks itself: imports and exports finish while the tab is open.
    refetchInterval: 10_000,
  });

export const useOnboardingStatus = () => useQuery(onboardingStatusQueryOptions());
