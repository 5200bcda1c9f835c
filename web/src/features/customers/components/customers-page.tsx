import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/ui/empty-state";
import { CustomersIcon } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/page-header";

/** Placeholder until the customer list lands; says what this page will hold. */
export function CustomersPage() {
  const { t } = useTranslation("shell");
  return (
    <>
      <PageHeader title={t("placeholders.customers.title")} />
      <EmptyState icon={<CustomersIcon />} title={t("placeholders.customers.emptyTitle")}>
        {t("placeholders.customers.emptyBody")}
      </EmptyState>
    </>
  );
}
