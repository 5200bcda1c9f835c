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

/** Money, quantities and the Intl locale, in the reader's language and region and the shop's currency. */
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
    }),
    [locale, currency],
  );
}
