import i18n, { type BackendModule, type ResourceLanguage } from "i18next";
import LanguageDetector from "i18next-browser-languagedetector";
import { initReactI18next } from "react-i18next";

export const LANGUAGES = ["en", "fr"] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_STORAGE_KEY = "qbo.language";

export const isLanguage = (value: string): value is Language => LANGUAGES.some((l) => l === value);

/** Each language is one chunk of its own (`bundles/<lang>.ts`), fetched the first time it is used. */
const bundles: Record<Language, () => Promise<{ default: ResourceLanguage }>> = {
  en: () => import("./bundles/en"),
  fr: () => import("./bundles/fr"),
};

/**
 * A reader downloads only their own language, and `changeLanguage` fetches the other before it
 * switches, so a page never shows the old language's words or bare keys in between. The whole
 * language enters the store with its first namespace: every namespace is then ready at once.
 */
const languageChunks: BackendModule = {
  type: "backend",
  init() {},
  read(language, namespace, callback) {
    if (!isLanguage(language)) return callback(null, {});
    bundles[language]().then(
      ({ default: bundle }) => {
        for (const [ns, strings] of Object.entries(bundle))
          if (!i18n.hasResourceBundle(language, ns)) i18n.addResourceBundle(language, ns, strings);
        callback(null, bundle[namespace] ?? {});
      },
      (error: Error) => callback(error, null),
    );
  },
};

/** Settles once the reader's language is loaded: main.tsx renders after it. */
export const i18nReady = i18n
  .use(languageChunks)
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    ns: ["common"],
    defaultNS: "common",
    // The parity test keeps every key in both languages, so English and French need no fallback
    // (a French reader never downloads English); any other language reads English.
    fallbackLng: { default: ["en"], fr: [] },
    supportedLngs: [...LANGUAGES],
    // fr-CA, fr-BE… all read the French files.
    nonExplicitSupportedLngs: true,
    load: "languageOnly",
    interpolation: { escapeValue: false }, // React already escapes.
    detection: {
      order: ["localStorage", "navigator"],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ["localStorage"],
    },
    react: { useSuspense: false },
  });

/** Screen readers and spell checkers follow <html lang>. */
function syncHtmlLang(lng: string | undefined): void {
  document.documentElement.lang = currentLanguage(lng);
}
i18n.on("languageChanged", syncHtmlLang);
syncHtmlLang(i18n.resolvedLanguage);

export function currentLanguage(lng = i18n.resolvedLanguage): Language {
  return lng?.startsWith("fr") ? "fr" : "en";
}

/** The region numbers and dates are shown for when the browser names none in the app's language. */
const DEFAULT_REGION: Record<Language, string> = { en: "en-US", fr: "fr-CA" };

/**
 * The locale Intl formats in: the app's language in the reader's own region (the browser's
 * fr-CA, en-CA, fr-FR…), else fr-CA for French (the product's French readers are in Canada)
 * and en-US for English. Never the bare "fr", which formats as in France.
 */
export function formatLocale(lng = i18n.resolvedLanguage): string {
  const lang = currentLanguage(lng);
  const preferred = typeof navigator === "undefined" ? [] : navigator.languages;
  return preferred.find((tag) => tag.toLowerCase().startsWith(`${lang}-`)) ?? DEFAULT_REGION[lang];
}

export default i18n;
