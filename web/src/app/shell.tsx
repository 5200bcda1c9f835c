import { Outlet } from "react-router";
import { ProblemsBanner } from "../features/health/components/problems-banner";
import { useTranslation } from "react-i18next";
import { useConnection } from "../features/quickbooks/api/get-connection";
import { ConnectionBanner } from "../features/quickbooks/components/connection-banner";
import { ShopCurrencyProvider } from "../lib/use-formats";
import { Sidebar } from "./shell/sidebar";
import { TopBar } from "./shell/top-bar";

export const MAIN_ID = "main-content";

/** The Shopmonkey admin frame: skip link, dark left navigation, top bar, and the page. */
export function Shell() {
  const { t } = useTranslation("shell");
  // Money is in the shop's currency: its QuickBooks company's home currency.
  const currency = useConnection().data?.capabilities?.currency ?? "USD";
  return (
    <ShopCurrencyProvider value={currency}>
      <div className="flex min-h-screen bg-slate-50">
        <a
          href={`#${MAIN_ID}`}
          className="fixed top-3 left-3 z-50 -translate-y-24 rounded-md bg-white px-4 py-2 text-sm font-semibold text-navy-900 shadow-lg transition-transform focus:translate-y-0"
        >
          {t("skipToContent")}
        </a>
        <Sidebar />
        <div className="flex min-w-0 flex-1 flex-col">
          <TopBar />
          <main
            id={MAIN_ID}
            tabIndex={-1}
            className="flex-1 px-4 py-6 outline-none sm:px-8 sm:py-8"
          >
            <div className="mx-auto max-w-6xl">
              <ConnectionBanner />
              <ProblemsBanner />
              <Outlet />
            </div>
          </main>
        </div>
      </div>
    </ShopCurrencyProvider>
  );
}
