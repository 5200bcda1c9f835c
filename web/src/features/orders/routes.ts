import type { QueryClient } from "@tanstack/react-query";
import type { RouteObject } from "react-router";

const editors = () => import("./components/order-editor-pages");

/** The orders feature's routes, composed by app/router.tsx under the shell. */
export function ordersRoutes(_queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: "orders",
      lazy: async () => ({ Component: (await import("./components/orders-page")).OrdersPage }),
    },
    { path: "orders/new", lazy: async () => ({ Component: (await editors()).NewOrderPage }) },
    {
      path: "orders/:orderId",
      lazy: async () => ({ Component: (await import("./components/order-page")).OrderPage }),
    },
    {
      path: "orders/:orderId/edit",
      lazy: async () => ({ Component: (await editors()).EditOrderPage }),
    },
  ];
}
