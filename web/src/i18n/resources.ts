import { SKIP_REASON_TEXTS, type ReaderLanguage } from "@app/shared";
import type { Resource, ResourceLanguage } from "i18next";

/** Files each `locales/<lang>/<namespace>.json` under its language and namespace, by path. */
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

/** One language's namespaces: its JSON files plus the words it shares with the server. */
export function buildLanguage(
  lang: ReaderLanguage,
  modules: Record<string, ResourceLanguage>,
): ResourceLanguage {
  // Words the server says too (the records CSV) live once, in @app/shared, as the `skipReasons` namespace.
  return { ...buildResources(modules)[lang], skipReasons: SKIP_REASON_TEXTS[lang] };
}
