import { MeSchema, type Me } from "@app/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { sessionKeys } from "./keys";

export function getMe(signal?: AbortSignal): Promise<Me> {
  return apiFetch("/api/me", { schema: MeSchema, signal });
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: sessionKeys.me(),
    queryFn: ({ signal }) => getMe(signal),
    // Who you are changes only when the token does (dev switcher invalidates everything).
    staleTime: 5 * 60_000,
  });

export function useMe() {
  return useQuery(meQueryOptions());
}
