import type { Connection } from "@app/shared";
import type { QueryClient } from "@tanstack/react-query";
import type { ApiError } from "../../../lib/api-error";
import { quickbooksKeys } from "./keys";

/**
 * Any call that QuickBooks refused for the connection's sake tells every page at once: the
 * banner appears without a reload, and the Connection tab re-reads the truth.
 */
export function learnFromApiError(error: ApiError, client: QueryClient): void {
  if (error.code !== "quickbooks_reconnect_required") return;
  client.setQueryData<Connection>(quickbooksKeys.connection(), (old) =>
    old && old.status === "connected" ? { ...old, status: "needs_reconnect" } : old,
  );
  void client.invalidateQueries({ queryKey: quickbooksKeys.connection() });
}
