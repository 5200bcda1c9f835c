import { useTranslation } from "react-i18next";
import { EmptyState } from "../../../components/ui/empty-state";
import { LinkIcon } from "../../../components/ui/icons";

/** Connection tab; the connect / disconnect flow replaces this empty state. */
export function ConnectionTab() {
  const { t } = useTranslation("quickbooks");
  return (
    <EmptyState tone="quickbooks" icon={<LinkIcon />} title={t("connection.emptyTitle")}>
      {t("connection.emptyBody")}
    </EmptyState>
  );
}
