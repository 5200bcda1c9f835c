import { type Customer, CustomerSchema } from "@app/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { customersKeys } from "./keys";

export function getCustomer(id: string, signal?: AbortSignal): Promise<Customer> {
  return apiFetch(`/api/customers/${encodeURIComponent(id)}`, { schema: CustomerSchema, signal });
}

export const customerQueryOptions = (id: string) =>
  queryOptions({
    queryKey: customersKeys.detail(id),
    queryFn: ({ signal }) => getCustomer(id, signal),
  });

export function useCustomer(id: string) {
  return useQuery(customerQueryOptions(id));
}
