import { type Part, PartSchema } from "@app/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { inventoryKeys } from "./keys";

export function getPart(id: string, signal?: AbortSignal): Promise<Part> {
  return apiFetch(`/api/inventory/${encodeURIComponent(id)}`, { schema: PartSchema, signal });
}

export const partQueryOptions = (id: string) =>
  queryOptions({
    queryKey: inventoryKeys.detail(id),
    queryFn: ({ signal }) => getPart(id, signal),
  });

export function usePart(id: string) {
  return useQuery(partQueryOptions(id));
}
