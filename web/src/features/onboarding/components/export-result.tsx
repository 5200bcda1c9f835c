import type { ExportJob } from "@app/shared";
import { useTranslation } from "react-i18next";
import { useErrorMessage } from "../../../lib/use-error-message";
import { useExportRecords } from "../api/get-export";

/** Live progress, then the counts and every part's outcome with its reason. */
export function ExportResult({ job }: { job: ExportJob }) {
  const { t } = useTranslation("onboarding");
  const errorMessage = useErrorMessage();
  const finished = job.status === "succeeded" || job.status === "failed";
  const records = useExportRecords(job.id, finished).data?.items ?? [];
  return (
    <div className="space-y-4">
      <div role="status" aria-live="polite" className="card p-5">
        {finished ? (
          <p className="text-base font-semibold text-slate-900">
            {[
              t("export.resultCounts.created", { count: job.created }),
              t("export.resultCounts.linked", { count: job.linked }),
              t("export.resultCounts.skipped", { count: job.skipped }),
            ].join(", ")}
          </p>
        ) : (
          <>
            <p className="text-sm font-medium text-slate-900">{t("export.running")}</p>
            <progress
              className="mt-2 h-2 w-full"
              max={Math.max(job.total, 1)}
              value={job.processed}
              aria-label={t("export.progress", { processed: job.processed, count: job.total })}
            />
            <p className="mt-1 text-xs text-slate-600">
              {t("export.progress", { processed: job.processed, count: job.total })}
            </p>
          </>
        )}
        {job.status === "failed" ? (
          <p className="mt-2 text-sm text-red-700">
            {t("export.failed", {
              error: job.errorReason
                ? errorMessage({ reason: job.errorReason, params: job.errorParams })
                : job.error,
            })}
          </p>
        ) : null}
      </div>
      {records.length > 0 ? (
        <ul className="card divide-y divide-slate-100 text-sm">
          {records.map((r) => (
            <li key={r.partId} className="flex flex-wrap justify-between gap-2 px-4 py-2">
              <span className="font-medium text-slate-900">
                {r.description}
                {r.partNumber ? <span className="ml-2 text-slate-600">{r.partNumber}</span> : null}
              </span>
              <span className="text-slate-700">
                {t(`export.outcomes.${r.outcome}`)}
                {r.reasonCode
                  ? ` — ${errorMessage({ reason: r.reasonCode, params: r.reasonParams })}`
                  : r.reason
                    ? ` — ${r.reason}`
                    : ""}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
