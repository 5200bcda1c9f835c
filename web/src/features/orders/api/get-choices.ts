import { CustomerListSchema, PartListSchema } from "@app/shared";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { ordersKeys } from "./keys";

/** Parts the editor can put on a line (first 200 by name, narrowed by the search). */
export function usePartChoices(search: string) {
  return useQuery({
    queryKey: ordersKeys.partChoices(search),
    queryFn: ({ signal }) => {
      const q = new URLSearchParams({ pageSize: "200", sort: "description" });
      if (search) q.set("search", search);
      return apiFetch(`/api/inventory?${q.toString()}`, { schema: PartListSchema, signal });
    },
    placeholderData: keepPreviousData,
  });
}

export function useCustomerChoices(search: string) {
  return useQuery({
    queryKey: ordersKeys.customerChoices(search),
    queryFn: ({ signal }) => {
      const q = new URLSearchParams({ pageSize: "200" });
      if (search) q.set("search", search);
      return apiFetch(`/api/customers?${q.toString()}`, { schema: CustomerListSchema, signal });
    },
    placeholderData: keepPreviousData,
  });
}
