import { ConnectionSchema } from "@app/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";

/** The owner confirms the waiting company: it becomes the shop's, old links become history. */
export const confirmSwitch = () =>
  apiFetch("/api/quickbooks/connection/switch", { method: "POST", schema: ConnectionSchema });

/** The owner keeps the current company: the waiting consent is revoked. */
export const cancelSwitch = (): Promise<undefined> =>
  apiFetch("/api/quickbooks/connection/switch", { method: "DELETE" });

export function useSwitchCompany() {
  const queryClient = useQueryClient();
  // Everything the shop sees may change with its company: refetch all of it.
  const onSuccess = () => queryClient.invalidateQueries();
  return {
    confirm: useMutation({ mutationFn: confirmSwitch, onSuccess }),
    cancel: useMutation({ mutationFn: cancelSwitch, onSuccess }),
  };
}
