import { canManageQuickBooks, ConnectionSchema } from "@app/shared";
import { useQuery } from "@tanstack/react-query";
import { ImportsPanel } from "../../imports/components/imports-panel";
import { WhereToStart } from "../../onboarding/components/where-to-start";
import { DriftReport } from "../../sync/components/drift-report";
import { SyncPanel } from "../../sync/components/sync-panel";
import { useMe } from "../../session/api/get-me";
import { apiFetch } from "../../../lib/api-client";
import { quickbooksKeys } from "../api/keys";
import { quickbooksTabPath } from "../tabs";
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
  return (
    <div className="space-y-8">
      <AtAGlance connected={connected} />
      <WhereToStart canManage={canManage} />
      {/* The Where-to-start checklist links here for the imports. */}
      <div id="imports" className="scroll-mt-4">
        <ImportsPanel
          connection={connection?.status ?? "unknown"}
          canRun={canManage}
          connectionHref={quickbooksTabPath("connection")}
        />
      </div>
      <SyncPanel connected={connected} canManage={canManage} />
      <DriftReport connected={connected} canManage={canManage} />
    </div>
  );
}
