import { useTranslation } from "react-i18next";
import { useLoaderData } from "react-router";
import { QuickBooksMark } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/page-header";
import type { quickbooksTabLoader } from "./routes";
import { QuickBooksTabs, tabId, TAB_PANEL_ID } from "./quickbooks-tabs";

export function QuickBooksSettingsPage() {
  const { t } = useTranslation("quickbooks");
  // The route loader turned unknown tabs into a 404 and fetched the tab's panel.
  const { tab, Panel } = useLoaderData<typeof quickbooksTabLoader>();
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
