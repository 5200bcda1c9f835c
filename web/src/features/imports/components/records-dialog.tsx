import type { RefObject } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "../../../lib/toast";
import { Button } from "../../../components/ui/button";
import { downloadRecordsCsv } from "../api/download-records-csv";
import { useImport } from "../api/get-import";
import { isLive } from "../api/live";
import { useErrorMessage } from "../../../lib/use-error-message";
import { useFormatWhen, useSummary } from "../hooks/use-format";
import { ImportProgress } from "./import-progress";
import { Dialog } from "../../../components/ui/dialog";
import { RecordsTable } from "./records-table";

/**
 * One run's records: the history drill-down, and the preview (a dry run) with a button to run
 * the real import once the shop has seen what it would do.
 */
export function RecordsDialog({
  jobId,
  onClose,
  onRunForReal,
  canRun,
  returnFocus,
}: {
  jobId: string;
  returnFocus?: RefObject<HTMLElement | null>;
  onClose: () => void;
  onRunForReal?: () => void;
  canRun: boolean;
}) {
  const { t } = useTranslation("imports");
  const job = useImport(jobId).data;
  const summary = useSummary();
  const when = useFormatWhen();
  const reason = useErrorMessage();
  const category = job ? t(`categories.${job.category}`) : "";
  const title = !job
    ? t("records.waiting")
    : job.dryRun
      ? t("records.previewTitle", { category })
      : t("records.title", { category, when: when(job.createdAt) });
  const live = isLive(job);
  return (
    <Dialog
      title={title}
      returnFocus={returnFocus}
      onClose={onClose}
      footer={
        <>
          <Button
            variant="secondary"
            disabled={!job || live}
            onClick={() =>
              void downloadRecordsCsv(jobId).catch((e: unknown) => toast.error(reason(e)))
            }
          >
            {t("actions.downloadCsv")}
          </Button>
          {job?.dryRun && onRunForReal ? (
            <Button disabled={live || !canRun || job.status !== "succeeded"} onClick={onRunForReal}>
              {t("actions.runAfterPreview")}
            </Button>
          ) : null}
          <Button variant="secondary" onClick={onClose}>
            {t("actions.close")}
          </Button>
        </>
      }
    >
      {job?.dryRun ? (
        <p className="mb-3 text-sm text-slate-700">{t("records.previewIntro")}</p>
      ) : null}
      {job && live ? (
        <ImportProgress job={job} label={t("progress.previewLabel", { category })} />
      ) : null}
      {job && !live ? (
        <div className="space-y-4">
          <p className="text-sm font-medium text-slate-900">
            {job.status === "failed" && job.error ? reason(job.error) : summary(job)}
          </p>
          <RecordsTable jobId={jobId} />
        </div>
      ) : null}
    </Dialog>
  );
}
