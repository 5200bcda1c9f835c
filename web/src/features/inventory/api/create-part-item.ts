import { type Part, PartSchema } from "@app/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { inventoryKeys } from "./keys";

export const createPartItem = (partId: string): Promise<Part> =>
  apiFetch(`/api/inventory/${encodeURIComponent(partId)}/quickbooks-item`, {
    method: "POST",
    schema: PartSchema,
  });

export function useCreatePartItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPartItem,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inventoryKeys.all }),
  });
}
