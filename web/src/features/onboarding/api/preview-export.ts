import { ExportPreviewSchema } from "@app/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { onboardingKeys } from "./keys";

export const previewExport = (partIds?: readonly string[], signal?: AbortSignal) =>
  apiFetch("/api/quickbooks/exports/preview", {
    method: "POST",
    body: partIds ? { partIds } : {},
    schema: ExportPreviewSchema,
    signal,
  });

export const exportPreviewQueryOptions = (partIds?: readonly string[]) =>
  queryOptions({
    queryKey: onboardingKeys.exportPreview(partIds),
    queryFn: ({ signal }) => previewExport(partIds, signal),
  });

export const useExportPreview = (enabled = true) =>
  useQuery({ ...exportPreviewQueryOptions(), enabled });
