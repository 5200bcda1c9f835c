import type { QueryClient } from "@tanstack/react-query";
import type { RouteObject } from "react-router";

const editors = () => import("./components/part-editor-pages");

/** The inventory feature's routes, composed by app/router.tsx under the shell. */
export function inventoryRoutes(_queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: "inventory",
      lazy: async () => ({
        Component: (await import("./components/inventory-page")).InventoryPage,
      }),
    },
    { path: "inventory/new", lazy: async () => ({ Component: (await editors()).NewPartPage }) },
    {
      path: "inventory/:partId",
      lazy: async () => ({ Component: (await import("./components/part-page")).PartPage }),
    },
    {
      path: "inventory/:partId/edit",
      lazy: async () => ({ Component: (await editors()).EditPartPage }),
    },
  ];
}
