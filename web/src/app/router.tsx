import type { QueryClient } from "@tanstack/react-query";
import { createBrowserRouter, redirect, type RouteObject } from "react-router";
import { PageLoading } from "../components/ui/page-loading";
import { customersRoutes } from "../features/customers/routes";
import { inventoryRoutes } from "../features/inventory/routes";
import { onboardingSettingsRoutes } from "../features/onboarding/routes";
import { ordersRoutes } from "../features/orders/routes";
import { quickbooksSettingsRoutes } from "./settings/quickbooks/routes";
import { meQueryOptions } from "../lib/auth/me";
import { NotFound } from "./errors/not-found";
import { RootError, RouteError } from "./errors/route-error";
import { Shell } from "./shell";

/**
 * Every route of the SPA. Features own their route lists (`features/<f>/routes.ts`); this file
 * only places them. Exported separately so tests can mount it in a memory router.
 */
export function createRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      id: "root",
      path: "/",
      Component: Shell,
      // The shell shows who is signed in; fetching it here also proves the session works.
      loader: async () => {
        await queryClient.ensureQueryData(meQueryOptions());
        return null;
      },
      hydrateFallbackElement: <PageLoading />,
      errorElement: <RootError />,
      children: [
        {
          // Page errors render inside the shell, so navigation stays usable.
          errorElement: <RouteError />,
          children: [
            // element: null marks the redirect-only route as intentional (no "empty page" warning).
            {
              index: true,
              loader: () => redirect("/settings/quickbooks/connection"),
              element: null,
            },
            ...ordersRoutes(queryClient),
            ...inventoryRoutes(queryClient),
            ...customersRoutes(queryClient),
            {
              path: "settings",
              lazy: async () => ({
                Component: (await import("./settings/settings-layout")).SettingsLayout,
              }),
              children: [
                {
                  index: true,
                  lazy: async () => ({
                    Component: (await import("./settings/settings-overview")).SettingsOverview,
                  }),
                },
                ...onboardingSettingsRoutes(),
                ...quickbooksSettingsRoutes(queryClient),
              ],
            },
            { path: "*", Component: NotFound },
          ],
        },
      ],
    },
  ];
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}
