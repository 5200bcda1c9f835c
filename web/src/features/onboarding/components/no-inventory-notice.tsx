import { useTranslation } from "react-i18next";

/** Told once, in plain words, above the situations: what a company without inventory can do. */
export function NoInventoryNotice({ plan }: { plan: string }) {
  const { t } = useTranslation("onboarding");
  return (
    <div
      role="note"
      className="rounded-lg border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-950"
    >
      <p className="font-semibold">{t("noInventory.title")}</p>
      <p className="mt-1">{t("noInventory.body", { plan: t(`quickbooks:plans.${plan}`) })}</p>
    </div>
  );
}
