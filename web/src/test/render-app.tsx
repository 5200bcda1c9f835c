import { render } from "@testing-library/react";
// Not "react-router/dom": under vitest it resolves to another build than "react-router",
// and the two would not share the router context.
import { createMemoryRouter, RouterProvider } from "react-router";
import { Providers } from "../app/providers";
import { createRoutes } from "../app/router";
import { createAppQueryClient } from "../app/query-client";

/** The real routes, providers and shell, in memory, at `path`. */
export function renderApp(path: string) {
  const queryClient = createAppQueryClient();
  const router = createMemoryRouter(createRoutes(queryClient), { initialEntries: [path] });
  const utils = render(
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return { ...utils, router, queryClient };
}
