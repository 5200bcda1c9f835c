import type { CustomerListQuery } from "@app/shared";

/** The only place customer query keys are spelled. */
export const customersKeys = {
  all: ["customers"] as const,
  lists: () => [...customersKeys.all, "list"] as const,
  list: (query: CustomerListQuery) => [...customersKeys.lists(), query] as const,
  detail: (id: string) => [...customersKeys.all, "detail", id] as const,
};
