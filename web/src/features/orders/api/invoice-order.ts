import { type Order, OrderSchema } from "@app/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { useOrderSaved } from "./save-order";

export function invoiceOrder(id: string): Promise<Order> {
  return apiFetch(`/api/orders/${encodeURIComponent(id)}/invoice`, {
    method: "POST",
    schema: OrderSchema,
  });
}

/** Invoicing lowers stock: every cached page (inventory included) refetches when shown. */
export function useInvoiceOrder() {
  const saved = useOrderSaved();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: invoiceOrder,
    onSuccess: (order) => {
      saved(order);
      void queryClient.invalidateQueries();
    },
  });
}
