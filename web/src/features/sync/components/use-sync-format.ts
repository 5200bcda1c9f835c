import type { SyncFieldChange } from "@app/shared";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";

/** Dates, numbers and field changes in the reader's language. */
export function useSyncFormat() {
  const { t, i18n } = useTranslation("sync");
  const lang = i18n.resolvedLanguage ?? "en";
  const when = useCallback(
    (iso: string) =>
      new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" }).format(
        new Date(iso),
      ),
    [lang],
  );
  // Display only: the exact decimal string stays the value we send and compare.
  const number = useCallback(
    (value: string | null) =>
      value === null
        ? "—"
        : new Intl.NumberFormat(lang, { maximumFractionDigits: 4 }).format(Number(value)),
    [lang],
  );
  const change = useCallback(
    (c: SyncFieldChange) => {
      const numeric = ["cost", "retailCost", "quantity"].includes(c.field);
      return t("change", {
        field: t(`fields.${c.field}`, { defaultValue: c.field }),
        from: numeric ? number(c.from) : c.from || "—",
        to: numeric ? number(c.to) : c.to || "—",
      });
    },
    [t, number],
  );
  return { when, number, change };
}
