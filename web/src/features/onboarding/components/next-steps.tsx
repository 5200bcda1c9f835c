import type { StartingSituationState, StartingSituation } from "@app/shared";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useOnboardingStatus } from "../api/get-onboarding-status";
import { offersChat, stepsFor } from "../hooks/steps";
import { StepRow } from "./step-row";
import { SupportChat } from "./support-chat";
import { useFormats } from "../../../lib/use-formats";

/** The chosen situation's checklist, ticking itself from the server's view of real state. */
export function NextSteps({
  state,
  situation,
  canManage,
  onChange,
}: {
  state: StartingSituationState;
  situation: StartingSituation;
  canManage: boolean;
  onChange: () => void;
}) {
  const { t } = useTranslation("onboarding");
  const { date } = useFormats();
  const headingId = useId();
  const status = useOnboardingStatus().data;
  const steps = status ? stepsFor(situation, status) : [];
  const done = steps.filter((s) => s.done).length;
  const when = state.chosenAt ? date(state.chosenAt, "day") : "";
  return (
    <section aria-labelledby={headingId} className="card p-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={headingId} className="text-lg font-semibold text-slate-900">
            {t("nextSteps.title")}
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            {t("nextSteps.chosen", { situation: t(`situations.${situation}.label`) })}
            {canManage ? (
              <>
                {" · "}
                <button
                  type="button"
                  onClick={onChange}
                  aria-label={t("nextSteps.changeLabel")}
                  className="font-medium text-navy-700 underline underline-offset-2"
                >
                  {t("nextSteps.change")}
                </button>
              </>
            ) : null}
          </p>
          {state.chosenBy ? (
            <p className="text-xs text-slate-600">
              {t("nextSteps.chosenBy", { name: state.chosenBy, when })}
            </p>
          ) : null}
        </div>
        {offersChat(situation) ? <SupportChat /> : null}
      </div>
      {status ? (
        <>
          <p className="mt-4 text-sm text-slate-600" aria-live="polite">
            {t("nextSteps.progress", { done, count: steps.length })}
          </p>
          <ol className="mt-1 divide-y divide-slate-100">
            {steps.map((s) => (
              <StepRow key={s.key} step={s} canManage={canManage} />
            ))}
          </ol>
          {situation === "brand_new" && status.parts.total > 0 ? (
            <p className="text-xs text-slate-600">
              {t("nextSteps.hints.createParts", {
                linked: status.parts.linked,
                count: status.parts.total,
              })}
            </p>
          ) : null}
          <p className="mt-3 rounded-lg bg-slate-50 p-3 text-sm text-slate-700">
            {t("nextSteps.hints.invoicing")}
          </p>
        </>
      ) : null}
    </section>
  );
}
