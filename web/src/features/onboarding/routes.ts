import type { RouteObject } from "react-router";

/** Export and reconciliation screens, placed by app/router.tsx under /settings. */
export function onboardingSettingsRoutes(): RouteObject[] {
  return [
    {
      path: "quickbooks/export-to-quickbooks",
      lazy: async () => ({ Component: (await import("./components/export-page")).ExportPage }),
    },
    {
      path: "quickbooks/reconcile",
      lazy: async () => ({
        Component: (await import("./components/reconcile-page")).ReconcilePage,
      }),
    },
  ];
}
