import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { quickbooksKeys } from "./keys";

export const disconnect = (): Promise<undefined> =>
  apiFetch("/api/quickbooks/connection", { method: "DELETE" });

export function useDisconnect() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disconnect,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: quickbooksKeys.all }),
  });
}
