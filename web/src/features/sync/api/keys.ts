import type { DriftQuery } from "@app/shared";

/** The only place sync query keys are spelled. */
export const syncKeys = {
  all: ["quickbooks", "sync"] as const,
  status: () => [...syncKeys.all, "status"] as const,
  drift: (q: DriftQuery) => [...syncKeys.all, "drift", q] as const,
};
