import type { LinkedCompany } from "@app/shared";
import { useTranslation } from "react-i18next";
import { formatLocale } from "../../../i18n";

/** "300 parts, 24 customers and 3 vendors" in the reader's language; zero counts left out. */
export function useLinkedWords() {
  const { t, i18n } = useTranslation("connection");
  return (linked: LinkedCompany) => {
    const words = [
      linked.parts > 0 ? t("linked.parts", { count: linked.parts }) : undefined,
      linked.customers > 0 ? t("linked.customers", { count: linked.customers }) : undefined,
      linked.vendors > 0 ? t("linked.vendors", { count: linked.vendors }) : undefined,
      linked.categories > 0 ? t("linked.categories") : undefined,
    ].filter((w): w is string => w !== undefined);
    return {
      what: new Intl.ListFormat(formatLocale(i18n.resolvedLanguage), {
        type: "conjunction",
      }).format(words),
      any: words.length > 0,
      /** For the verb's agreement ("is" / "are"). */
      count: linked.parts + linked.customers + linked.vendors + (linked.categories > 0 ? 1 : 0),
      company: linked.companyName || t("linked.unknownCompany"),
    };
  };
}

/** Which QuickBooks company the shop's records point at, and how many of them. */
export function LinkedCompanySummary({ linked }: { linked: LinkedCompany | undefined }) {
  const { t } = useTranslation("connection");
  const words = useLinkedWords();
  const said = linked ? words(linked) : undefined;
  return (
    <section aria-labelledby="qb-linked-title" className="mt-4 text-sm text-slate-700">
      <h3 id="qb-linked-title" className="font-semibold text-slate-900">
        {t("linked.title")}
      </h3>
      <p className="mt-1">
        {said?.any
          ? t("linked.body", { what: said.what, company: said.company, count: said.count })
          : t("linked.nothing")}
      </p>
    </section>
  );
}
