import type { ImportJob } from "@app/shared";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { formatLocale } from "../../../i18n";

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

/** A date and time in the reader's language ("27 nov. 2026, 19:40"). */
export function useFormatWhen() {
  const { i18n } = useTranslation();
  return useCallback(
    (iso: string) =>
      new Intl.DateTimeFormat(formatLocale(i18n.resolvedLanguage), {
        dateStyle: "medium",
        // Seconds: two runs a minute apart (or in the same minute) must read apart.
        timeStyle: "medium",
      }).format(new Date(iso)),
    [i18n.resolvedLanguage],
  );
}
