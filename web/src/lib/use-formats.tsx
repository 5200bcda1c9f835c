import { createContext, useContext, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { formatLocale } from "../i18n";
import { formatMoney, formatQuantity } from "./format-decimal";

/**
 * The shop's currency (its QuickBooks company's home currency). The app provides it from the
 * connection; until QuickBooks has answered, US dollars.
 */
const ShopCurrency = createContext("USD");
export const ShopCurrencyProvider = ShopCurrency.Provider;

/**
 * How a moment reads, by what it is for. "moment" keeps the seconds: two import runs, or a change
 * and the catch-up after it, often fall in the same minute and must read apart.
 */
const DATE_STYLES = {
  day: { dateStyle: "medium" },
  longDay: { dateStyle: "long" },
  minute: { dateStyle: "medium", timeStyle: "short" },
  moment: { dateStyle: "medium", timeStyle: "medium" },
  chartDay: { month: "short", day: "numeric" },
  chartMinute: { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;
export type DateStyle = keyof typeof DATE_STYLES;

/**
 * Money, quantities, numbers and dates (the app's one formatter), in the reader's language and
 * region and the shop's currency.
 */
export function useFormats() {
  const { i18n } = useTranslation();
  const locale = formatLocale(i18n.resolvedLanguage);
  const currency = useContext(ShopCurrency);
  return useMemo(
    () => ({
      locale,
      currency,
      money: (value: string) => formatMoney(value, locale, currency),
      quantity: (value: string) => formatQuantity(value, locale),
      number: (n: number) => new Intl.NumberFormat(locale).format(n),
      /** A "YYYY-MM-DD" day is a calendar day, read in UTC so no time zone moves it. */
      date: (iso: string, style: DateStyle) =>
        new Intl.DateTimeFormat(locale, {
          ...DATE_STYLES[style],
          ...(iso.length === 10 ? { timeZone: "UTC" } : {}),
        }).format(new Date(iso)),
    }),
    [locale, currency],
  );
}
