import type { SyncFieldChange } from "@app/shared";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { formatQuantity } from "../../../lib/format-decimal";
import { useFormats } from "../../../lib/use-formats";

/** Drift and change fields that are amounts of money (the rest are quantities or text). */
const MONEY = new Set(["cost", "retailCost"]);

/** Dates, numbers and field changes in the reader's language. */
export function useSyncFormat() {
  const { t } = useTranslation("sync");
  const { locale: lang, money, date } = useFormats();
  const when = useCallback((iso: string) => date(iso, "moment"), [date]);
  // Display only: the exact decimal string stays the value we send and compare.
  const number = useCallback(
    (value: string | null) => (value === null ? "—" : formatQuantity(value, lang)),
    [lang],
  );
  /** A field's value as the rest of the app shows it: "$28.50" for money, "2.5" for stock. */
  const value = useCallback(
    (field: string, v: string | null) =>
      v === null ? "—" : MONEY.has(field) ? money(v) : formatQuantity(v, lang),
    [lang, money],
  );
  const change = useCallback(
    (c: SyncFieldChange) => {
      const numeric = ["cost", "retailCost", "quantity"].includes(c.field);
      return t("change", {
        field: t(`fields.${c.field}`, { defaultValue: c.field }),
        from: numeric ? value(c.field, c.from) : c.from || "—",
        to: numeric ? value(c.field, c.to) : c.to || "—",
      });
    },
    [t, value],
  );
  return { when, number, value, change };
}
