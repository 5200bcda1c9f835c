import type { QueryClient } from "@tanstack/react-query";
import type { RouteObject } from "react-router";

/** The customers feature's routes, composed by app/router.tsx under the shell. */
export function customersRoutes(_queryClient: QueryClient): RouteObject[] {
  return [
    {
      path: "customers",
      lazy: async () => ({
        Component: (await import("./components/customers-page")).CustomersPage,
      }),
    },
    {
      path: "customers/:customerId",
      lazy: async () => ({ Component: (await import("./components/customer-page")).CustomerPage }),
    },
  ];
}
