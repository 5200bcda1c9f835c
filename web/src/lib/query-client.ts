import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api-error";

/** Retrying a 4xx only repeats the same refusal; 5xx and network blips get two more tries. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/**
 * `onApiError` sees every failed query and mutation: a failure that tells something about the
 * whole app (QuickBooks refused the connection) updates what every page shows, at once.
 */
export function createQueryClient(
  onApiError?: (error: ApiError, client: QueryClient) => void,
): QueryClient {
  const report = (error: unknown) => {
    if (error instanceof ApiError) onApiError?.(error, client);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: report }),
    mutationCache: new MutationCache({ onError: report }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      // A mutation may have written before failing; the user decides whether to try again.
      mutations: { retry: false },
    },
  });
  return client;
}
