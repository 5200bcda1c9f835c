import { SKIP_REASON_TEXTS } from "@app/shared";
import i18n, { type Resource, type ResourceLanguage } from "i18next";
import LanguageDetector from "i18next-browser-languagedetector";
import { initReactI18next } from "react-i18next";

export const LANGUAGES = ["en", "fr"] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_STORAGE_KEY = "qbo.language";

/**
 * Every `locales/<lang>/<namespace>.json` is bundled, so a feature adds its strings by adding
 * files: no code change here.
 */
const files = import.meta.glob<ResourceLanguage>("./locales/*/*.json", {
  eager: true,
  import: "default",
});

export function buildResources(modules: Record<string, ResourceLanguage>): Resource {
  const resources: Resource = {};
  for (const [path, strings] of Object.entries(modules)) {
    const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match?.[1] || !match[2]) continue;
    const [, lang, ns] = match;
    (resources[lang] ??= {})[ns] = strings;
  }
  return resources;
}

export const resources = buildResources(files);
// Words the server says too (the records CSV) live once, in @app/shared, as the `skipReasons` namespace.
for (const [lang, texts] of Object.entries(SKIP_REASON_TEXTS))
  (resources[lang] ??= {}).skipReasons = texts;
export const namespaces = [...new Set(Object.values(resources).flatMap((r) => Object.keys(r)))];

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    ns: namespaces,
    defaultNS: "common",
    fallbackLng: "en",
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
