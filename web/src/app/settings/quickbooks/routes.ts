import type { QueryClient } from "@tanstack/react-query";
import { data, redirect, type RouteObject } from "react-router";
import { isQuickBooksTab, quickbooksTabPath } from "../../../features/quickbooks/tabs";

/** Settings → QuickBooks, composed by app/router.tsx under /settings. */
export function quickbooksSettingsRoutes(_queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: "quickbooks",
      children: [
        { index: true, loader: () => redirect(quickbooksTabPath("connection")), element: null },
        {
          path: ":tab",
          // An unknown tab is a missing page, not a silent fallback to another tab.
          loader: ({ params }) => {
            if (!isQuickBooksTab(params.tab)) throw data(null, { status: 404 });
            return null;
          },
          lazy: async () => ({
            Component: (await import("./quickbooks-settings-page")).QuickBooksSettingsPage,
          }),
        },
      ],
    },
  ];
}
