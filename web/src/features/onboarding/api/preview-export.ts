import { type ExportScope, ExportPreviewSchema } from "@app/shared";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { onboardingKeys } from "./keys";

export const previewExport = (scope: ExportScope, signal?: AbortSignal) =>
  apiFetch("/api/quickbooks/exports/preview", {
    method: "POST",
    body: scope,
    schema: ExportPreviewSchema,
    signal,
  });

export const exportPreviewQueryOptions = (scope: ExportScope = {}) =>
  queryOptions({
    queryKey: onboardingKeys.exportPreview(scope),
    queryFn: ({ signal }) => previewExport(scope, signal),
    // A changed choice re-plans; the table stays on screen meanwhile.
    placeholderData: keepPreviousData,
  });

export const useExportPreview = (scope: ExportScope, enabled = true) =>
  useQuery({ ...exportPreviewQueryOptions(scope), enabled });
