import { type CustomerList, type CustomerListQuery, CustomerListSchema } from "@app/shared";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { customersKeys } from "./keys";

export function getCustomers(q: CustomerListQuery, signal?: AbortSignal): Promise<CustomerList> {
  const params = new URLSearchParams({ page: String(q.page), pageSize: String(q.pageSize) });
  if (q.search) params.set("search", q.search);
  if (q.linked !== undefined) params.set("linked", String(q.linked));
  return apiFetch(`/api/customers?${params.toString()}`, { schema: CustomerListSchema, signal });
}

export const customersQueryOptions = (q: CustomerListQuery) =>
  queryOptions({
    queryKey: customersKeys.list(q),
    queryFn: ({ signal }) => getCustomers(q, signal),
    placeholderData: keepPreviousData, // the old page stays (dimmed) while the next loads
  });

export function useCustomers(q: CustomerListQuery) {
  return useQuery(customersQueryOptions(q));
}
