import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { lazy, Suspense, type ComponentType, type ReactNode } from "react";

/**
 * sonner is not on the first page (the first paint shows no toast): its chunk is fetched as the
 * app starts, beside the page's own. Should it fail, toasts are lost, not the app.
 */
const Toaster = lazy<ComponentType>(() =>
  import("sonner").then(
    (sonner) => ({
      default: () => (
        // Below the 64 px top bar, so a toast never covers the shop, role or language menus.
        <sonner.Toaster
          richColors
          position="top-right"
          offset={{ top: 80, right: 24 }}
          closeButton
        />
      ),
    }),
    () => ({ default: () => null }),
  ),
);

export function Providers({
  queryClient,
  children,
}: {
  queryClient: QueryClient;
  children: ReactNode;
}) {
  return (
    <QueryClientProvider client={queryClient}>
      {children}
      <Suspense fallback={null}>
        <Toaster />
      </Suspense>
    </QueryClientProvider>
  );
}
