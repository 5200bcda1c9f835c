import { type Part, PartSchema } from "@app/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { inventoryKeys } from "./keys";

export function unlinkPart(id: string): Promise<Part> {
  return apiFetch(`/api/inventory/${encodeURIComponent(id)}/unlink`, {
    method: "POST",
    schema: PartSchema,
  });
}

export function useUnlinkPart() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unlinkPart,
    onSuccess: (part) => {
      queryClient.setQueryData(inventoryKeys.detail(part.id), part);
      return queryClient.invalidateQueries({ queryKey: inventoryKeys.lists() });
    },
  });
}
