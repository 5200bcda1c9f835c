import { type OrderList, OrderListSchema } from "@app/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { ordersKeys } from "./keys";

export function getOrders(signal?: AbortSignal): Promise<OrderList> {
  return apiFetch("/api/orders?limit=200", { schema: OrderListSchema, signal });
}

export const ordersQueryOptions = () =>
  queryOptions({
    queryKey: ordersKeys.list({}),
    queryFn: ({ signal }) => getOrders(signal),
    // Sends run in the background: keep the badges moving while any is pending.
    refetchInterval: (q) =>
      q.state.data?.items.some((o) => o.quickBooks.status === "pending") ? 2000 : false,
  });

export function useOrders() {
  return useQuery(ordersQueryOptions());
}
