/** The only place order query keys are spelled. */
export const ordersKeys = {
  all: ["orders"] as const,
  detail: (id: string) => [...ordersKeys.all, "detail", id] as const,
};
