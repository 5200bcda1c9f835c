/** The only place the health query keys are spelled. */
export const healthKeys = {
  all: ["quickbooks", "health"] as const,
};
