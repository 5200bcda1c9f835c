import type { Calls } from "@app/shared";
import { useTranslation } from "react-i18next";
import { useNumber } from "./use-number";

/** This month's QuickBooks reads against the budget, and the writes; a warning from 80%. */
export function CallsCard({ calls }: { calls: Calls }) {
  const { t } = useTranslation("health");
  const num = useNumber();
  const share = Math.min(1, calls.reads / calls.readBudget);
  return (
    <section aria-labelledby="health-calls" className="card p-5">
      <h3 id="health-calls" className="text-base font-semibold text-slate-900">
        {t("calls.title")}
      </h3>
      <p className="mt-1 text-sm text-slate-600">{t("calls.intro")}</p>
      <p className="mt-3 text-sm text-slate-900">
        {t("calls.reads", {
          reads: num(calls.reads),
          budget: num(calls.readBudget),
          percent: Math.round(share * 100),
        })}
      </p>
      <div
        role="meter"
        aria-label={t("calls.meter")}
        aria-valuemin={0}
        aria-valuemax={calls.readBudget}
        aria-valuenow={calls.reads}
        aria-valuetext={t("calls.reads", {
          reads: num(calls.reads),
          budget: num(calls.readBudget),
          percent: Math.round(share * 100),
        })}
        className="mt-2 h-2 w-full overflow-hidden rounded-full bg-slate-100"
      >
        <div
          className={`h-full ${calls.warning ? "bg-amber-500" : "bg-emerald-600"}`}
          style={{ width: `${share * 100}%` }}
        />
      </div>
      <p className="mt-2 text-sm text-slate-700">
        {t("calls.writes", { count: calls.writes, writes: num(calls.writes) })}
      </p>
      {calls.warning ? (
        <p role="alert" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {t("calls.warning")}
        </p>
      ) : null}
    </section>
  );
}
