import { type UndoImportResult, UndoImportResultSchema } from "@app/shared";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { importsKeys } from "./keys";

export function undoImport(id: string, dryRun: boolean): Promise<UndoImportResult> {
  return apiFetch(`/api/quickbooks/imports/${encodeURIComponent(id)}/undo`, {
    method: "POST",
    body: { dryRun },
    schema: UndoImportResultSchema,
  });
}

/** What an undo would do right now: always asked afresh (records change under it). */
export const undoPreviewQueryOptions = (id: string) =>
  queryOptions({
    queryKey: importsKeys.undoPreview(id),
    queryFn: () => undoImport(id, true),
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });

export function useUndoPreview(id: string) {
  return useQuery(undoPreviewQueryOptions(id));
}

export function useUndoImport(tell: {
  onDone: (result: UndoImportResult) => void;
  onFailed: (error: Error) => void;
}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => undoImport(id, false),
    onError: tell.onFailed,
    // An undo changes parts and customers too, which other features cache: refetch everything,
    // except the preview of this very undo (asked again now, it would only answer 409).
    onSuccess: (result, id) => {
      tell.onDone(result);
      queryClient.removeQueries({ queryKey: importsKeys.undoPreview(id) });
      return queryClient.invalidateQueries({
        predicate: (q) => q.queryKey.at(-1) !== importsKeys.undoPreview(id).at(-1),
      });
    },
  });
}
