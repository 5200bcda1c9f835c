import { type Order, OrderSchema } from "@app/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { ordersKeys } from "./keys";

export function getOrder(id: string, signal?: AbortSignal): Promise<Order> {
  return apiFetch(`/api/orders/${encodeURIComponent(id)}`, { schema: OrderSchema, signal });
}

export const orderQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ordersKeys.detail(id),
    queryFn: ({ signal }) => getOrder(id, signal),
    // A pending send finishes in a job: poll until QuickBooks' answer is recorded.
    refetchInterval: (q) => (q.state.data?.quickBooks.status === "pending" ? 1000 : false),
  });

export function useOrder(id: string) {
  return useQuery(orderQueryOptions(id));
}
