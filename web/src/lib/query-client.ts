import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api-error";

/** Retrying a 4xx only repeats the same refusal; 5xx and network blips get two more tries. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      // A mutation may have written before failing; the user decides whether to try again.
      mutations: { retry: false },
    },
  });
}
