import type { ImportJob } from "@app/shared";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useFormats } from "../../../lib/use-formats";

/** "12 imported, 3 updated" (+ ", 2 skipped" when any), with each language's plural rules. */
export function useSummary() {
  const { t } = useTranslation("imports");
  return useCallback(
    (job: Pick<ImportJob, "imported" | "updated" | "skipped">) => {
      const parts = [
        t("summary.imported", { count: job.imported }),
        t("summary.updated", { count: job.updated }),
      ];
      if (job.skipped > 0) parts.push(t("summary.skipped", { count: job.skipped }));
      return parts.join(", ");
    },
    [t],
  );
}

/** A run's moment in the reader's language, to the second ("27 nov. 2026, 19 h 40 min 05 s"). */
export function useFormatWhen() {
  const { date } = useFormats();
  return useCallback((iso: string) => date(iso, "moment"), [date]);
}
