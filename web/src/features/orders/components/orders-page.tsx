import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/ui/empty-state";
import { OrdersIcon } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/page-header";

/** Placeholder until the orders feature lands; says what this page will hold. */
export function OrdersPage() {
  const { t } = useTranslation("shell");
  return (
    <>
      <PageHeader title={t("placeholders.orders.title")} />
      <EmptyState icon={<OrdersIcon />} title={t("placeholders.orders.emptyTitle")}>
        {t("placeholders.orders.emptyBody")}
      </EmptyState>
    </>
  );
}
