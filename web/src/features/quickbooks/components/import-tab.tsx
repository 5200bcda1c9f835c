import { canManageQuickBooks, ConnectionSchema } from "@app/shared";
import { useQuery } from "@tanstack/react-query";
import { ImportsPanel } from "../../imports/components/imports-panel";
import { useMe } from "../../session/api/get-me";
import { apiFetch } from "../../../lib/api-client";
import { quickbooksKeys } from "../api/keys";
import { quickbooksTabPath } from "../tabs";

/** Import and Sync tab: composes the imports feature with who you are and the connection. */
export function ImportTab() {
  const me = useMe().data;
  // Same key as the Connection tab's query, so both share one cached answer.
  const connection = useQuery({
    queryKey: quickbooksKeys.connection(),
    queryFn: ({ signal }) =>
      apiFetch("/api/quickbooks/connection", { schema: ConnectionSchema, signal }),
  }).data;
  return (
    <ImportsPanel
      connection={connection?.status ?? "unknown"}
      canRun={me ? canManageQuickBooks(me.role) : false}
      connectionHref={quickbooksTabPath("connection")}
    />
  );
}
