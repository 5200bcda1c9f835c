/** The only place customer query keys are spelled. */
export const customersKeys = {
  all: ["customers"] as const,
  list: (filters: Record<string, string | number | boolean | undefined>) =>
    [...customersKeys.all, "list", filters] as const,
  detail: (id: string) => [...customersKeys.all, "detail", id] as const,
};
