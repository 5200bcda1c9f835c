import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/ui/empty-state";
import { CustomersIcon } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/page-header";

/** Placeholder until the customer detail lands; says what this page will hold. */
export function CustomerPage() {
  const { t } = useTranslation("shell");
  return (
    <>
      <PageHeader title={t("placeholders.customer.title")} />
      <EmptyState icon={<CustomersIcon />} title={t("placeholders.customer.emptyTitle")}>
        {t("placeholders.customer.emptyBody")}
      </EmptyState>
    </>
  );
}
