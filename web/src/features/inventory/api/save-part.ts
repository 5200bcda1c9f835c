import { type Part, type PartInput, type PartPatch, PartSchema } from "@app/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { inventoryKeys } from "./keys";

export function createPart(body: PartInput): Promise<Part> {
  return apiFetch("/api/inventory", { method: "POST", body, schema: PartSchema });
}

export function updatePart({ id, patch }: { id: string; patch: PartPatch }): Promise<Part> {
  return apiFetch(`/api/inventory/${encodeURIComponent(id)}`, {
    method: "PATCH",
    body: patch,
    schema: PartSchema,
  });
}

/** After a save, the detail shows the answer at once; lists and the history refetch. */
function useSaved() {
  const queryClient = useQueryClient();
  return (part: Part) => {
    queryClient.setQueryData(inventoryKeys.detail(part.id), part);
    void queryClient.invalidateQueries({ queryKey: inventoryKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: inventoryKeys.movements(part.id) });
  };
}

export function useCreatePart() {
  return useMutation({ mutationFn: createPart, onSuccess: useSaved() });
}

export function useUpdatePart() {
  return useMutation({ mutationFn: updatePart, onSuccess: useSaved() });
}
