import { useId } from "react";
import { useTranslation } from "react-i18next";
import { GlobeIcon } from "../../components/ui/icons";
import { currentLanguage, isLanguage, LANGUAGES } from "../../i18n";
import { TopBarSelect } from "./select";

/** The detector caches the choice in localStorage, so it survives reloads. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation("shell");
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        {t("topBar.language")}
      </label>
      <TopBarSelect
        id={id}
        icon={<GlobeIcon />}
        value={currentLanguage(i18n.resolvedLanguage)}
        onChange={(event) => {
          if (isLanguage(event.target.value)) void i18n.changeLanguage(event.target.value);
        }}
      >
        {LANGUAGES.map((lng) => (
          // Each language named in itself, and marked so screen readers pronounce it right.
          <option key={lng} value={lng} lang={lng}>
            {t(`languages.${lng}`)}
          </option>
        ))}
      </TopBarSelect>
    </div>
  );
}
