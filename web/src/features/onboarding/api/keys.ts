import type { ExportScope } from "@app/shared";

/** The only place onboarding query keys are spelled. */
export const onboardingKeys = {
  all: ["quickbooks", "onboarding"] as const,
  situation: () => ["quickbooks", "starting-situation"] as const,
  status: () => [...onboardingKeys.all, "status"] as const,
  exportPreview: (scope: ExportScope) => [...onboardingKeys.all, "export-preview", scope] as const,
  exports: () => [...onboardingKeys.all, "exports"] as const,
  export: (id: string) => [...onboardingKeys.exports(), id] as const,
  exportRecords: (id: string) => [...onboardingKeys.export(id), "records"] as const,
  reconciliation: () => [...onboardingKeys.all, "reconciliation"] as const,
  reconciliationPages: (pages: Record<string, number>) =>
    [...onboardingKeys.reconciliation(), pages] as const,
};

/** Inventory pages show the link state: refresh them after anything links parts. */
export const inventoryRoot = ["inventory"] as const;
