import { ConnectionSchema, type Connection } from "@app/shared";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../../lib/api-client";
import { quickbooksKeys } from "./keys";

export function getConnection(signal?: AbortSignal): Promise<Connection> {
  return apiFetch("/api/quickbooks/connection", { schema: ConnectionSchema, signal });
}

export const connectionQueryOptions = () =>
  queryOptions({
    queryKey: quickbooksKeys.connection(),
    queryFn: ({ signal }) => getConnection(signal),
    staleTime: 30_000,
  });

export function useConnection() {
  return useQuery(connectionQueryOptions());
}
