import { useState } from "react";
import { useStartingSituation } from "../api/get-starting-situation";
import { NextSteps } from "./next-steps";
import { SituationPicker } from "./situation-picker";

/**
 * Top of Import and Sync: until the shop has chosen, the four situations; then that
 * situation's checklist, with a way back to the choice.
 */
export function WhereToStart({ canManage }: { canManage: boolean }) {
  const query = useStartingSituation();
  const [changing, setChanging] = useState(false);
  if (!query.data) return null;
  const { situation } = query.data;
  if (!situation || changing)
    return (
      <SituationPicker
        current={situation}
        canChoose={canManage}
        onDone={() => setChanging(false)}
      />
    );
  return (
    <NextSteps
      state={query.data}
      situation={situation}
      canManage={canManage}
      onChange={() => setChanging(true)}
    />
  );
}
