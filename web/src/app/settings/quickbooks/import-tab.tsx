import { canManageQuickBooks, ConnectionSchema } from "@app/shared";
import { useQuery } from "@tanstack/react-query";
import { ImportsPanel } from "../../../features/imports/components/imports-panel";
import { WhereToStart } from "../../../features/onboarding/components/where-to-start";
import { DriftReport } from "../../../features/sync/components/drift-report";
import { SyncPanel } from "../../../features/sync/components/sync-panel";
import { useMe } from "../../../lib/auth/me";
import { apiFetch } from "../../../lib/api-client";
import { quickbooksKeys } from "../../../features/quickbooks/api/keys";
import { quickbooksTabPath } from "../../../features/quickbooks/tabs";
import { AtAGlance } from "./at-a-glance";

/** Import and Sync tab: composes the imports feature with who you are and the connection. */
export function ImportTab() {
  const me = useMe().data;
  // Same key as the Connection tab's query, so both share one cached answer.
  const connection = useQuery({
    queryKey: quickbooksKeys.connection(),
    queryFn: ({ signal }) =>
      apiFetch("/api/quickbooks/connection", { schema: ConnectionSchema, signal }),
  }).data;
  const canManage = me ? canManageQuickBooks(me.role) : false;
  const connected = connection?.status === "connected";
  const capabilities = connected ? connection.capabilities : undefined;
  return (
    <div className="space-y-8">
      <AtAGlance connected={connected} />
      <WhereToStart canManage={canManage} capabilities={capabilities} />
      {/* The Where-to-start checklist links here for the imports. */}
      <div id="imports" className="scroll-mt-4">
        <ImportsPanel
          connection={connection?.status ?? "unknown"}
          canRun={canManage}
          connectionHref={quickbooksTabPath("connection")}
          capabilities={capabilities}
        />
      </div>
      <SyncPanel connected={connected} canManage={canManage} />
      <DriftReport connected={connected} canManage={canManage} capabilities={capabilities} />
    </div>
  );
}
