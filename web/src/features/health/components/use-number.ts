import { useCallback } from "react";
import { useTranslation } from "react-i18next";

/** Numbers in the reader's language ("12 345" in French, "12,345" in English). */
export function useNumber() {
  const { i18n } = useTranslation();
  return useCallback(
    (n: number) => new Intl.NumberFormat(i18n.resolvedLanguage ?? "en").format(n),
    [i18n.resolvedLanguage],
  );
}

export function useShortDate() {
  const { i18n } = useTranslation();
  return useCallback(
    (iso: string) =>
      new Intl.DateTimeFormat(i18n.resolvedLanguage ?? "en", {
        month: "short",
        day: "numeric",
        timeZone: iso.length === 10 ? "UTC" : undefined,
      }).format(new Date(iso)),
    [i18n.resolvedLanguage],
  );
}

/** A moment, short, in the reader's language ("Nov 28, 14:05"): several checks share a day. */
export function useShortDateTime() {
  const { i18n } = useTranslation();
  return useCallback(
    (iso: string) =>
      new Intl.DateTimeFormat(i18n.resolvedLanguage ?? "en", {
        month: "short",
        day: "numeric",
        hour: "numeric",
        minute: "2-digit",
      }).format(new Date(iso)),
    [i18n.resolvedLanguage],
  );
}
