import type { QueryClient } from "@tanstack/react-query";
import type { RouteObject } from "react-router";

/** The orders feature's routes, composed by app/router.tsx under the shell. */
export function ordersRoutes(_queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: "orders",
      lazy: async () => ({ Component: (await import("./components/orders-page")).OrdersPage }),
    },
  ];
}
