import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/ui/empty-state";
import { InventoryIcon } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/page-header";

/** Placeholder until the part detail lands; says what this page will hold. */
export function PartPage() {
  const { t } = useTranslation("shell");
  return (
    <>
      <PageHeader title={t("placeholders.part.title")} />
      <EmptyState icon={<InventoryIcon />} title={t("placeholders.part.emptyTitle")}>
        {t("placeholders.part.emptyBody")}
      </EmptyState>
    </>
  );
}
