import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/ui/empty-state";
import { InventoryIcon } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/page-header";

/** Placeholder until the inventory list lands; says what this page will hold. */
export function InventoryPage() {
  const { t } = useTranslation("shell");
  return (
    <>
      <PageHeader title={t("placeholders.inventory.title")} />
      <EmptyState icon={<InventoryIcon />} title={t("placeholders.inventory.emptyTitle")}>
        {t("placeholders.inventory.emptyBody")}
      </EmptyState>
    </>
  );
}
