/** The only place accounting query keys are spelled. */
export const accountingKeys = {
  all: ["accounting"] as const,
  settings: () => [...accountingKeys.all, "settings"] as const,
  adjustmentAccounts: () => [...accountingKeys.all, "adjustment-accounts"] as const,
  items: (types: readonly string[]) => [...accountingKeys.all, "items", { types }] as const,
};
