import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { healthKeys } from "./keys";

const problemPath = (id: string, action: "retry" | "dismiss"): `/api/${string}` =>
  `/api/quickbooks/health/problems/${encodeURIComponent(id)}/${action}`;

export function retryProblem(id: string): Promise<void> {
  return apiFetch(problemPath(id, "retry"), { method: "POST" });
}

export function dismissProblem(id: string): Promise<void> {
  return apiFetch(problemPath(id, "dismiss"), { method: "POST" });
}

/** Retry: a send again or webhook work again; everything it touches may change, so refetch all. */
export function useRetryProblem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryProblem,
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useDismissProblem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: dismissProblem,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: healthKeys.all }),
  });
}
