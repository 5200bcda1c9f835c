import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/ui/empty-state";
import { SyncIcon } from "../../../components/ui/icons";

/** Import and Sync tab; "where to start" and the one-time imports replace this empty state. */
export function ImportTab() {
  const { t } = useTranslation("quickbooks");
  return (
    <EmptyState tone="quickbooks" icon={<SyncIcon />} title={t("import.emptyTitle")}>
      {t("import.emptyBody")}
    </EmptyState>
  );
}
