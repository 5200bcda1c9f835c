/** The only place inventory query keys are spelled. */
export const inventoryKeys = {
  all: ["inventory"] as const,
  list: (filters: Record<string, string | number | boolean | undefined>) =>
    [...inventoryKeys.all, "list", filters] as const,
  detail: (id: string) => [...inventoryKeys.all, "detail", id] as const,
};
