/** The only place order query keys are spelled. */
export const ordersKeys = {
  all: ["orders"] as const,
  lists: () => [...ordersKeys.all, "list"] as const,
  list: (filters: { status?: string }) => [...ordersKeys.lists(), filters] as const,
  detail: (id: string) => [...ordersKeys.all, "detail", id] as const,
  partChoices: (search: string) => [...ordersKeys.all, "part-choices", search] as const,
  customerChoices: (search: string) => [...ordersKeys.all, "customer-choices", search] as const,
};
