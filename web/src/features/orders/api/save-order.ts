import { type Order, type OrderInput, type OrderPatch, OrderSchema } from "@app/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { ordersKeys } from "./keys";

export function createOrder(body: OrderInput): Promise<Order> {
  return apiFetch("/api/orders", { method: "POST", body, schema: OrderSchema });
}

export function updateOrder({ id, patch }: { id: string; patch: OrderPatch }): Promise<Order> {
  return apiFetch(`/api/orders/${encodeURIComponent(id)}`, {
    method: "PATCH",
    body: patch,
    schema: OrderSchema,
  });
}

/** Every order action answers the whole order: show it at once, refresh the list. */
export function useOrderSaved() {
  const queryClient = useQueryClient();
  return (order: Order) => {
    queryClient.setQueryData(ordersKeys.detail(order.id), order);
    void queryClient.invalidateQueries({ queryKey: ordersKeys.lists() });
  };
}

export function useCreateOrder() {
  return useMutation({ mutationFn: createOrder, onSuccess: useOrderSaved() });
}

export function useUpdateOrder() {
  return useMutation({ mutationFn: updateOrder, onSuccess: useOrderSaved() });
}
