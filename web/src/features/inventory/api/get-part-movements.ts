import { type StockMovementList, StockMovementListSchema } from "@app/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { inventoryKeys } from "./keys";

export function getPartMovements(id: string, signal?: AbortSignal): Promise<StockMovementList> {
  return apiFetch(`/api/inventory/${encodeURIComponent(id)}/movements`, {
    schema: StockMovementListSchema,
    signal,
  });
}

export const partMovementsQueryOptions = (id: string) =>
  queryOptions({
    queryKey: inventoryKeys.movements(id),
    queryFn: ({ signal }) => getPartMovements(id, signal),
    // A change on its way to QuickBooks settles within seconds: watch it until it does.
    refetchInterval: (query) =>
      query.state.data?.items.some((m) => m.quickBooks?.status === "pending") ? 1000 : false,
  });

export function usePartMovements(id: string) {
  return useQuery(partMovementsQueryOptions(id));
}
