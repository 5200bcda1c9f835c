import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/ui/empty-state";
import { LedgerIcon } from "../../../components/ui/icons";

/** Configure accounting tab; the category → QBO item mapping replaces this empty state. */
export function AccountingTab() {
  const { t } = useTranslation("quickbooks");
  return (
    <EmptyState tone="quickbooks" icon={<LedgerIcon />} title={t("accounting.emptyTitle")}>
      {t("accounting.emptyBody")}
    </EmptyState>
  );
}
