import { useCallback } from "react";
import { useTranslation } from "react-i18next";

// The server's plain reasons (features/imports/undo/classify.ts), in the reader's language.
const KEYS: Record<string, string> = {
  "no longer exists": "gone",
  "imported before undo existed: its earlier values were not kept": "noBefore",
  "used on an order": "onOrder",
  "stock moved since the import": "stockMoved",
  "linked again by a later import": "laterRun",
  "edited since the import": "edited",
};

export function useKeptReason() {
  const { t } = useTranslation("imports");
  return useCallback(
    (reason: string) => {
      const key = KEYS[reason];
      return key ? t(`undo.reasons.${key}`) : reason;
    },
    [t],
  );
}
