import type { UndoKept } from "@app/shared";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";

// An undo stored before reason codes existed kept these English words (undo/classify.ts).
const LEGACY: Record<string, string> = {
  "no longer exists": "gone",
  "imported before undo existed: its earlier values were not kept": "no_before",
  "used on an order": "on_order",
  "stock moved since the import": "stock_moved",
  "linked again by a later import": "later_run",
  "edited since the import": "edited",
};

/** Why the undo keeps a record, in the reader's language. */
export function useKeptReason() {
  const { t } = useTranslation("imports");
  return useCallback(
    (kept: Pick<UndoKept, "reason" | "reasonCode">) => {
      const code = kept.reasonCode ?? LEGACY[kept.reason];
      return code ? t(`undo.reasons.${code}`) : kept.reason;
    },
    [t],
  );
}
