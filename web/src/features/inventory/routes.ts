import type { QueryClient } from "@tanstack/react-query";
import type { RouteObject } from "react-router";

/** The inventory feature's routes, composed by app/router.tsx under the shell. */
export function inventoryRoutes(_queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: "inventory",
      lazy: async () => ({
        Component: (await import("./components/inventory-page")).InventoryPage,
      }),
    },
    {
      path: "inventory/:partId",
      lazy: async () => ({ Component: (await import("./components/part-page")).PartPage }),
    },
  ];
}
