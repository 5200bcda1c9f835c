import { type Order, OrderSchema } from "@app/shared";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { useOrderSaved } from "./save-order";

/** Send, re-send or retry: the server queues the job and answers the order (pending). */
export function sendToQuickBooks(id: string): Promise<Order> {
  return apiFetch(`/api/orders/${encodeURIComponent(id)}/quickbooks`, {
    method: "POST",
    schema: OrderSchema,
  });
}

export function useSendToQuickBooks() {
  return useMutation({ mutationFn: sendToQuickBooks, onSuccess: useOrderSaved() });
}
