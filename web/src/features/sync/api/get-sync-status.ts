import { type SyncStatus, SyncStatusSchema } from "@app/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { syncKeys } from "./keys";

export const getSyncStatus = (signal?: AbortSignal): Promise<SyncStatus> =>
  apiFetch("/api/quickbooks/sync", { schema: SyncStatusSchema, signal });

/** Polled: changes from QuickBooks arrive on their own, and the user is looking at them. */
export const syncStatusQueryOptions = () =>
  queryOptions({
    queryKey: syncKeys.status(),
    queryFn: ({ signal }) => getSyncStatus(signal),
    refetchInterval: 5_000,
  });

export const useSyncStatus = (enabled: boolean) =>
  useQuery({ ...syncStatusQueryOptions(), enabled });
