import type { Capabilities } from "@app/shared";
import { useState } from "react";
import { useStartingSituation } from "../api/get-starting-situation";
import { NextSteps } from "./next-steps";
import { NoInventoryNotice } from "./no-inventory-notice";
import { SituationPicker } from "./situation-picker";

/**
 * Top of Import and Sync: until the shop has chosen, the four situations; then that
 * situation's checklist, with a way back to the choice.
 */
export function WhereToStart({
  canManage,
  capabilities,
}: {
  canManage: boolean;
  /** The connected company's; a company without inventory tracking is told what still works. */
  capabilities?: Capabilities;
}) {
  const query = useStartingSituation();
  const [changing, setChanging] = useState(false);
  if (!query.data) return null;
  const { situation } = query.data;
  const notice =
    capabilities && !capabilities.inventoryTracking ? (
      <NoInventoryNotice plan={capabilities.plan} />
    ) : null;
  return (
    <div className="space-y-4">
      {notice}
      {!situation || changing ? (
        <SituationPicker
          current={situation}
          canChoose={canManage}
          onDone={() => setChanging(false)}
        />
      ) : (
        <NextSteps
          state={query.data}
          situation={situation}
          canManage={canManage}
          onChange={() => setChanging(true)}
        />
      )}
    </div>
  );
}
