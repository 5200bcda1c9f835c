import type { ResourceLanguage } from "i18next";
import { buildLanguage } from "../resources";

/** French, one chunk: every `locales/fr/<namespace>.json` (a new file needs no code change). */
export default buildLanguage(
  "fr",
  import.meta.glob<ResourceLanguage>("../locales/fr/*.json", { eager: true, import: "default" }),
);
