import type { ComponentType } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { QuickBooksMark } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/page-header";
import { isQuickBooksTab, type QuickBooksTab } from "../../../features/quickbooks/tabs";
import { AccountingTab } from "./accounting-tab";
import { ConnectionTab } from "../../../features/quickbooks/components/connection-tab";
import { HealthTab } from "./health-tab";
import { ImportTab } from "./import-tab";
import { QuickBooksTabs, tabId, TAB_PANEL_ID } from "./quickbooks-tabs";

const panels: Record<QuickBooksTab, ComponentType> = {
  connection: ConnectionTab,
  accounting: AccountingTab,
  import: ImportTab,
  health: HealthTab,
};

export function QuickBooksSettingsPage() {
  const { t } = useTranslation("quickbooks");
  const { tab: param } = useParams();
  // The route loader already turned unknown tabs into a 404.
  const tab: QuickBooksTab = isQuickBooksTab(param) ? param : "connection";
  const Panel = panels[tab];
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} icon={<QuickBooksMark />} />
      <QuickBooksTabs selected={tab} />
      <div
        role="tabpanel"
        id={TAB_PANEL_ID}
        aria-labelledby={tabId(tab)}
        tabIndex={0}
        className="pt-6 focus-visible:outline-offset-4"
      >
        <Panel />
      </div>
    </>
  );
}
