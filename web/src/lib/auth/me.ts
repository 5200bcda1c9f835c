import { MeSchema, type Me } from "@app/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../api-client";

/** The only place the session's query keys are spelled. */
export const meKeys = {
  all: ["session"] as const,
  me: () => [...meKeys.all, "me"] as const,
};

export function getMe(signal?: AbortSignal): Promise<Me> {
  return apiFetch("/api/me", { schema: MeSchema, signal });
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: meKeys.me(),
    queryFn: ({ signal }) => getMe(signal),
    // Who you are changes only when the token does (dev switcher invalidates everything).
    staleTime: 5 * 60_000,
  });

/** Who is signed in: every feature reads it here (the server enforces roles anyway). */
export function useMe() {
  return useQuery(meQueryOptions());
}
