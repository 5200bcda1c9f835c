import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { toast } from "../../../lib/toast";
import { Button } from "../../../components/ui/button";
import { useErrorMessage } from "../../../lib/use-error-message";
import { useTurnOnInventorySync } from "../api/turn-on-inventory-sync";
import type { Step } from "../hooks/steps";

const actionClass =
  "inline-flex items-center rounded-lg px-3 py-1.5 text-sm font-semibold text-navy-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50";

/** One checklist line: a tick (with its word, not color alone), the step, and its action. */
export function StepRow({ step, canManage }: { step: Step; canManage: boolean }) {
  const { t } = useTranslation("onboarding");
  const errorMessage = useErrorMessage();
  const turnOn = useTurnOnInventorySync();
  const label = step.actionLabel ? t(`nextSteps.actions.${step.actionLabel}`) : "";
  const action = step.done ? null : step.action?.kind === "link" ? (
    <Link to={step.action.to} className={actionClass}>
      {label}
    </Link>
  ) : step.action?.kind === "anchor" ? (
    <a href={step.action.href} className={actionClass}>
      {label}
    </a>
  ) : step.action?.kind === "turnOnSync" && canManage ? (
    <Button
      variant="secondary"
      className="px-3 py-1.5"
      disabled={turnOn.isPending}
      onClick={() =>
        turnOn.mutate(undefined, {
          onSuccess: () => toast.success(t("nextSteps.syncOn")),
          onError: (e) => toast.error(t("nextSteps.syncFailed"), { description: errorMessage(e) }),
        })
      }
    >
      {label}
    </Button>
  ) : null;
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3">
      <span className="flex items-center gap-3">
        <span
          aria-hidden="true"
          className={`flex size-6 shrink-0 items-center justify-center rounded-full text-sm font-bold ${
            step.done ? "bg-emerald-600 text-white" : "ring-2 ring-slate-300 ring-inset"
          }`}
        >
          {step.done ? "✓" : ""}
        </span>
        <span className="text-sm font-medium text-slate-900">
          {t(`nextSteps.steps.${step.key}`)}
          <span className="sr-only">
            {" — "}
            {step.done ? t("nextSteps.done") : t("nextSteps.todo")}
          </span>
        </span>
      </span>
      {action}
    </li>
  );
}
