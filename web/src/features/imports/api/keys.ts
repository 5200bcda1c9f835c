import type { ImportCategory, ImportOutcome } from "@app/shared";

/** The only place import query keys are spelled. */
export const importsKeys = {
  all: ["quickbooks", "imports"] as const,
  list: (filters: { category?: ImportCategory; limit?: number }) =>
    [...importsKeys.all, "list", filters] as const,
  detail: (id: string) => [...importsKeys.all, "detail", id] as const,
  undoPreview: (id: string) => [...importsKeys.detail(id), "undo-preview"] as const,
  records: (id: string, filters: { outcome?: ImportOutcome }) =>
    [...importsKeys.detail(id), "records", filters] as const,
};
