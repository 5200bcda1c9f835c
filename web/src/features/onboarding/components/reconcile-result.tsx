import type { ReconciliationRun } from "@app/shared";
import { useTranslation } from "react-i18next";
import { useErrorMessage } from "../../../lib/use-error-message";
import { useExport } from "../api/get-export";

/** What applying did, then the export's progress and counts while it creates the rest. */
export function ReconcileResult({ run }: { run: ReconciliationRun }) {
  const { t } = useTranslation("onboarding");
  const errorMessage = useErrorMessage();
  const job = useExport(run.exportId).data;
  const exportDone = job && (job.status === "succeeded" || job.status === "failed");
  return (
    <div
      role="status"
      aria-live="polite"
      className="space-y-2 rounded-xl border border-emerald-200 bg-emerald-50 p-5 text-sm text-slate-900"
    >
      <p className="text-base font-semibold">
        {[
          t("reconcile.resultCounts.linked", { count: run.linked }),
          t("reconcile.resultCounts.already", { count: run.alreadyLinked }),
          t("reconcile.resultCounts.skipped", { count: run.skipped.length }),
        ].join(", ")}
      </p>
      {/* In the reader's words; a run applied before reasons had codes shows its stored text. */}
      {run.skipped.map((s) => (
        <p key={s.partId}>
          {s.code ? errorMessage({ reason: s.code, params: s.params }) : s.reason}
        </p>
      ))}
      {run.quantityNotes.map((n) => (
        <p key={n.partId}>
          {n.reason
            ? [errorMessage(n), n.importFollows ? t("reconcile.importFollows") : ""]
                .filter(Boolean)
                .join(" ")
            : n.message}
        </p>
      ))}
      {job ? (
        <p>
          {exportDone
            ? t("reconcile.exported", {
                counts: [
                  t("export.resultCounts.created", { count: job.created }),
                  t("export.resultCounts.skipped", { count: job.skipped }),
                ].join(", "),
              })
            : t("reconcile.exporting", { processed: job.processed, total: job.total })}
        </p>
      ) : null}
      {run.importsQueued ? <p>{t("reconcile.importsQueued")}</p> : null}
    </div>
  );
}
