import type { OnboardingStatus, StartingSituation } from "@app/shared";

export type StepAction =
  { kind: "link"; to: string } | { kind: "turnOnSync" } | { kind: "anchor"; href: string };

export interface Step {
  key:
    | "connect"
    | "keepInSync"
    | "accounting"
    | "createParts"
    | "importInventory"
    | "importNonInventory"
    | "export"
    | "reconcile";
  done: boolean;
  action?: StepAction;
  /** The i18n key of the action's label under nextSteps.actions. */
  actionLabel?: string;
}

export const EXPORT_PATH = "/settings/quickbooks/export-to-quickbooks";
export const RECONCILE_PATH = "/settings/quickbooks/reconcile";
const CONNECTION_PATH = "/settings/quickbooks/connection";
const ACCOUNTING_PATH = "/settings/quickbooks/accounting";
/** The imports' cards sit below the checklist on the same tab. */
export const IMPORTS_ANCHOR = "#imports";

/**
 * The checklist of each situation (docs/product.md's "what the app does next"), every tick read
 * from the status the server computed from real state.
 */
export function stepsFor(situation: StartingSituation, s: OnboardingStatus): Step[] {
  const connect: Step = {
    key: "connect",
    done: s.connected,
    action: { kind: "link", to: CONNECTION_PATH },
    actionLabel: "connect",
  };
  const accounting: Step = {
    key: "accounting",
    done: s.accountingMapped,
    action: { kind: "link", to: ACCOUNTING_PATH },
    actionLabel: "accounting",
  };
  const allLinked = s.parts.total > 0 && s.parts.linked === s.parts.total;
  switch (situation) {
    case "brand_new":
      return [
        connect,
        {
          key: "keepInSync",
          done: s.keepInSync.inventory,
          action: { kind: "turnOnSync" },
          actionLabel: "keepInSync",
        },
        accounting,
        {
          key: "createParts",
          done: allLinked,
          action: { kind: "link", to: EXPORT_PATH },
          actionLabel: "createParts",
        },
      ];
    case "quickbooks_only":
      return [
        connect,
        {
          key: "importInventory",
          done: s.imported.inventory,
          action: { kind: "anchor", href: IMPORTS_ANCHOR },
          actionLabel: "import",
        },
        {
          key: "importNonInventory",
          done: s.imported.nonInventory,
          action: { kind: "anchor", href: IMPORTS_ANCHOR },
          actionLabel: "import",
        },
        accounting,
      ];
    case "shopmonkey_only":
      return [
        connect,
        {
          key: "export",
          done: s.exported && allLinked,
          action: { kind: "link", to: EXPORT_PATH },
          actionLabel: "export",
        },
        accounting,
      ];
    case "both":
      return [
        connect,
        {
          key: "reconcile",
          done: s.reconciled,
          action: { kind: "link", to: RECONCILE_PATH },
          actionLabel: "reconcile",
        },
        accounting,
      ];
  }
}

/** Shopmonkey sends these two situations to a support chat; we keep that door open. */
export const offersChat = (s: StartingSituation): boolean =>
  s === "shopmonkey_only" || s === "both";
