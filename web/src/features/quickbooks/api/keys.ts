/**
 * The only place QuickBooks query keys are spelled. Endpoint files (one per endpoint, e.g.
 * `get-connection.ts`) build their queryOptions from these.
 */
export const quickbooksKeys = {
  all: ["quickbooks"] as const,
  connection: () => [...quickbooksKeys.all, "connection"] as const,
  accounting: () => [...quickbooksKeys.all, "accounting"] as const,
  items: (types: readonly string[]) => [...quickbooksKeys.all, "items", { types }] as const,
  imports: {
    all: () => [...quickbooksKeys.all, "imports"] as const,
    list: (filters: { category?: string; limit?: number }) =>
      [...quickbooksKeys.imports.all(), "list", filters] as const,
    detail: (id: string) => [...quickbooksKeys.imports.all(), "detail", id] as const,
    records: (id: string, filters: { outcome?: string }) =>
      [...quickbooksKeys.imports.detail(id), "records", filters] as const,
  },
};
