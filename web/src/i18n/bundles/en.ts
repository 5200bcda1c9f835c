import type { ResourceLanguage } from "i18next";
import { buildLanguage } from "../resources";

/** English, one chunk: every `locales/en/<namespace>.json` (a new file needs no code change). */
export default buildLanguage(
  "en",
  import.meta.glob<ResourceLanguage>("../locales/en/*.json", { eager: true, import: "default" }),
);
