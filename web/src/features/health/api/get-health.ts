import { type Health, HealthSchema } from "@app/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { healthKeys } from "./keys";

export function getHealth(signal?: AbortSignal): Promise<Health> {
  return apiFetch("/api/quickbooks/health", { schema: HealthSchema, signal });
}

/** Refreshed every minute: the banner on every page reads it too. */
export const healthQueryOptions = () =>
  queryOptions({
    queryKey: healthKeys.all,
    queryFn: ({ signal }) => getHealth(signal),
    refetchInterval: 60_000,
    retry: false,
  });

export function useHealth() {
  return useQuery(healthQueryOptions());
}
