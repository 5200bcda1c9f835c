import { type StockMovementList, StockMovementListSchema } from "@app/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { inventoryKeys } from "./keys";

export function retryAdjustment({
  partId,
  adjustmentId,
}: {
  partId: string;
  adjustmentId: string;
}): Promise<StockMovementList> {
  return apiFetch(
    `/api/inventory/${encodeURIComponent(partId)}/adjustments/${encodeURIComponent(adjustmentId)}/retry`,
    { method: "POST", schema: StockMovementListSchema },
  );
}

/** Sends a failed stock change to QuickBooks again; the history shows it pending at once. */
export function useRetryAdjustment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryAdjustment,
    onSuccess: (list, { partId }) => {
      queryClient.setQueryData(inventoryKeys.movements(partId), list);
    },
  });
}
