import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router/dom";
import { Providers } from "./app/providers";
import { createAppRouter } from "./app/router";
import { i18nReady } from "./i18n";
import "./index.css";
import { createAppQueryClient } from "./app/query-client";
import { getSession } from "./lib/session";

// Read the #session fragment before the router sees (and keeps) the URL.
getSession();
const queryClient = createAppQueryClient();
const router = createAppRouter(queryClient);
const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");

// The first paint waits for the reader's language (its own chunk), so a French reader never sees
// English first; the router's loaders are already fetching meanwhile.
await i18nReady;
createRoot(root).render(
  <StrictMode>
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
);
