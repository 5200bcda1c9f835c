import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Toaster } from "sonner";

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
      {/* Below the 64 px top bar, so a toast never covers the shop, role or language menus. */}
      <Toaster richColors position="top-right" offset={{ top: 80, right: 24 }} closeButton />
    </QueryClientProvider>
  );
}
