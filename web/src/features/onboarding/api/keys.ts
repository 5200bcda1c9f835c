import type { ExportScope } from "@app/shared";
import { quickbooksKeys } from "../../quickbooks/api/keys";

/** The only place onboarding query keys are spelled (the situation's key is the tab's). */
export const onboardingKeys = {
  all: ["quickbooks", "onboarding"] as const,
  situation: quickbooksKeys.startingSituation,
  status: () => [...onboardingKeys.all, "status"] as const,
  exportPreview: (scope: ExportScope) => [...onboardingKeys.all, "export-preview", scope] as const,
  exports: () => [...onboardingKeys.all, "exports"] as const,
  export: (id: string) => [...onboardingKeys.exports(), id] as const,
  exportRecords: (id: string) => [...onboardingKeys.export(id), "records"] as const,
  reconciliation: () => [...onboardingKeys.all, "reconciliation"] as const,
};

/** Inventory pages show the link state: refresh them after anything links parts. */
export const inventoryRoot = ["inventory"] as const;
