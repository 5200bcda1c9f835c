import { renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import i18n, { formatLocale } from "../i18n";
import { ShopCurrencyProvider, useFormats } from "./use-formats";

// Intl separates thousands and the symbol with (narrow) no-break spaces: compare them as spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

const inCurrency =
  (currency: string) =>
  ({ children }: { children: ReactNode }) => (
    <ShopCurrencyProvider value={currency}>{children}</ShopCurrencyProvider>
  );

describe("useFormats", () => {
  it("formats for Canadian French readers in fr-CA, in the shop's currency", async () => {
    await i18n.changeLanguage("fr");
    expect(formatLocale()).toBe("fr-CA");
    const { result } = renderHook(() => useFormats(), { wrapper: inCurrency("CAD") });
    expect(result.current.locale).toBe("fr-CA");
    expect(plain(result.current.money("1234.5"))).toBe("1 234,50 $");
    expect(plain(result.current.quantity("2.5"))).toBe("2,5");
  });

  it("names a foreign currency in French, and formats English in en-US", async () => {
    await i18n.changeLanguage("fr");
    const fr = renderHook(() => useFormats(), { wrapper: inCurrency("USD") });
    expect(plain(fr.result.current.money("28.5"))).toBe("28,50 $ US");
    await i18n.changeLanguage("en");
    const en = renderHook(() => useFormats(), { wrapper: inCurrency("CAD") });
    expect(en.result.current.money("28.5")).toBe("CA$28.50");
  });

  it("keeps the reader's own region when the browser names one in the app's language", async () => {
    await i18n.changeLanguage("en");
    const languages = Object.getOwnPropertyDescriptor(Navigator.prototype, "languages");
    Object.defineProperty(navigator, "languages", {
      value: ["en-CA", "fr-CA"],
      configurable: true,
    });
    try {
      expect(formatLocale()).toBe("en-CA");
      expect(formatLocale("fr")).toBe("fr-CA");
    } finally {
      delete (navigator as { languages?: unknown }).languages;
      if (languages) Object.defineProperty(Navigator.prototype, "languages", languages);
    }
  });
});
