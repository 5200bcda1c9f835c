import type { QueryClient } from "@tanstack/react-query";
import type { ComponentType } from "react";
import { data, redirect, type LoaderFunctionArgs, type RouteObject } from "react-router";
import {
  isQuickBooksTab,
  quickbooksTabPath,
  type QuickBooksTab,
} from "../../../features/quickbooks/tabs";

/**
 * Each tab's panel is a chunk of its own: the Connection tab, where the app opens, doesn't
 * download the import, sync, accounting and health code.
 */
const panels: Record<QuickBooksTab, () => Promise<ComponentType>> = {
  connection: async () =>
    (await import("../../../features/quickbooks/components/connection-tab")).ConnectionTab,
  accounting: async () => (await import("./accounting-tab")).AccountingTab,
  import: async () => (await import("./import-tab")).ImportTab,
  health: async () => (await import("./health-tab")).HealthTab,
};

/** The tab and its panel; the navigation waits for the panel's code, as it does for any page. */
export async function quickbooksTabLoader({ params }: LoaderFunctionArgs) {
  // An unknown tab is a missing page, not a silent fallback to another tab.
  if (!isQuickBooksTab(params.tab)) throw data(null, { status: 404 });
  return { tab: params.tab, Panel: await panels[params.tab]() };
}

/** Settings → QuickBooks, composed by app/router.tsx under /settings. */
export function quickbooksSettingsRoutes(_queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: "quickbooks",
      children: [
        { index: true, loader: () => redirect(quickbooksTabPath("connection")), element: null },
        {
          path: ":tab",
          loader: quickbooksTabLoader,
          lazy: async () => ({
            Component: (await import("./quickbooks-settings-page")).QuickBooksSettingsPage,
          }),
        },
      ],
    },
  ];
}
