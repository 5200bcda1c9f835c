import type { ImportJob } from "@app/shared";
import { useTranslation } from "react-i18next";

/** processed of total, as a real progressbar; indeterminate until QuickBooks gave the total. */
export function ImportProgress({ job, label }: { job: ImportJob; label: string }) {
  const { t } = useTranslation("imports");
  const total = job.total ?? undefined;
  const percent = total ? Math.min(100, Math.round((job.processed / total) * 100)) : 0;
  return (
    <div className="space-y-1">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total ?? 100}
        aria-valuenow={total ? job.processed : undefined}
        aria-valuetext={
          total ? t("progress.count", { processed: job.processed, total }) : t("progress.starting")
        }
        className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={`h-full rounded-full bg-qb-500 transition-[width] duration-500 ${total ? "" : "w-1/3 animate-pulse"}`}
          style={total ? { width: `${percent}%` } : undefined}
        />
      </div>
      <p className="text-xs text-slate-600" aria-hidden="true">
        {total ? t("progress.count", { processed: job.processed, total }) : t("progress.starting")}
      </p>
    </div>
  );
}
