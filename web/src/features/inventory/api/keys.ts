import type { PartListQuery } from "@app/shared";

/** The only place inventory query keys are spelled. */
export const inventoryKeys = {
  all: ["inventory"] as const,
  lists: () => [...inventoryKeys.all, "list"] as const,
  list: (query: PartListQuery) => [...inventoryKeys.lists(), query] as const,
  detail: (id: string) => [...inventoryKeys.all, "detail", id] as const,
  movements: (id: string) => [...inventoryKeys.detail(id), "movements"] as const,
};
