import type { ImportJob } from "@app/shared";
import { useTranslation } from "react-i18next";
import { useErrorMessage } from "../../../lib/use-error-message";
import { useFormatWhen, useSummary } from "../hooks/use-format";

/** A finished run that wrote something can be undone, once. */
export const canBeUndone = (job: ImportJob) =>
  !job.dryRun && !job.undo && ["succeeded", "failed", "canceled"].includes(job.status);

/** Every run of one category, newest first, each opening its per-record outcomes. */
export function ImportHistory({
  jobs,
  onOpen,
  onUndo,
}: {
  jobs: readonly ImportJob[];
  onOpen: (id: string) => void;
  /** Owners and admins only: absent, no Undo button. */
  onUndo?: (job: ImportJob) => void;
}) {
  const { t } = useTranslation("imports");
  const when = useFormatWhen();
  const summary = useSummary();
  const reason = useErrorMessage();
  return (
    <details className="group mt-4 border-t border-slate-100 pt-3">
      <summary className="cursor-pointer text-sm font-medium text-navy-800">
        {t("history.title", { count: jobs.length })}
      </summary>
      {jobs.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("history.empty")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100">
          {jobs.map((job) => (
            <li
              key={job.id}
              className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm"
            >
              <div className="min-w-0">
                <p className="text-slate-900">
                  {t("lastRun.by", { when: when(job.createdAt), who: job.requestedBy })}
                  {job.dryRun ? (
                    <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                      {t("dryRun")}
                    </span>
                  ) : null}
                </p>
                <p className="text-xs text-slate-600">
                  {t(`status.${job.status}`)}
                  {" · "}
                  {job.status === "failed" && job.error ? reason(job.error) : summary(job)}
                </p>
                {job.undo ? (
                  <p className="text-xs font-medium text-slate-700">
                    {job.undo.at
                      ? t("undo.undoneBy", { who: job.undo.by, when: when(job.undo.at) })
                      : t("undo.undoing", { who: job.undo.by })}
                  </p>
                ) : null}
              </div>
              <div className="flex gap-1">
                {onUndo && canBeUndone(job) ? (
                  <button
                    type="button"
                    onClick={() => onUndo(job)}
                    className="rounded-md px-2 py-1 text-sm font-medium text-red-800 underline-offset-2 hover:underline"
                  >
                    {t("undo.action")}
                  </button>
                ) : null}
                <button
                  type="button"
                  onClick={() => onOpen(job.id)}
                  className="rounded-md px-2 py-1 text-sm font-medium text-navy-800 underline-offset-2 hover:underline"
                >
                  {t("actions.viewRecords")}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
