import type { ImportCategory, ImportJob } from "@app/shared";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { toast } from "../../../lib/toast";
import { Button } from "../../../components/ui/button";
import { useCancelImport } from "../api/cancel-import";
import { useImports } from "../api/get-imports";
import { isLive } from "../api/live";
import { useStartImport } from "../api/start-import";
import { useCompletionToasts } from "../hooks/use-completion-toasts";
import { useErrorMessage } from "../../../lib/use-error-message";
import { useFormatWhen, useSummary } from "../hooks/use-format";
import { ImportHistory } from "./import-history";
import { ImportProgress } from "./import-progress";
import { RecordsDialog } from "./records-dialog";
import { UndoDialog } from "./undo-dialog";

export interface ImportCardProps {
  category: ImportCategory;
  /** Why the buttons are disabled, if they are (not connected, or not an owner/admin). */
  blockedReason?: string;
  canRun: boolean;
}

/** One category: run, preview, live progress, the last run and the history of runs. */
export function ImportCard({ category, blockedReason, canRun }: ImportCardProps) {
  const { t } = useTranslation("imports");
  const headingId = useId();
  const whyId = useId();
  const jobs = useImports({ category, limit: 10 });
  const watch = useCompletionToasts(category, jobs.data?.items);
  const start = useStartImport(watch);
  const cancel = useCancelImport();
  const summary = useSummary();
  const when = useFormatWhen();
  const reason = useErrorMessage();
  const [openJob, setOpenJob] = useState<string | undefined>();
  const previewButton = useRef<HTMLButtonElement>(null);
  const [undoJob, setUndoJob] = useState<ImportJob | undefined>();
  const items = jobs.data?.items;
  // ?run=<id> (the Health page's link to a run's skipped records) opens that run's records.
  const [params] = useSearchParams();
  const linked = params.get("run");
  const [linkClosed, setLinkClosed] = useState(false);
  const shownJob =
    openJob ?? (!linkClosed && linked && items?.some((j) => j.id === linked) ? linked : undefined);
  const live = items?.find(isLive);
  const last = items?.find((j) => !j.dryRun && !isLive(j));
  const name = t(`categories.${category}`);

  const run = (dryRun: boolean) =>
    start.mutate(
      { category, dryRun },
      {
        onSuccess: (job) => setOpenJob(dryRun ? job.id : undefined),
        onError: (err) =>
          toast.error(t("toast.startFailed", { category: name, reason: reason(err) })),
      },
    );
  // A preview writes nothing: it may look while the real run works (one of each at a time).
  const liveOf = (dryRun: boolean) => items?.some((j) => isLive(j) && j.dryRun === dryRun);
  const runDisabled = !!blockedReason || !!liveOf(false) || start.isPending;
  const previewDisabled = !!blockedReason || !!liveOf(true) || start.isPending;

  return (
    <section aria-labelledby={headingId} className="card flex flex-col p-5">
      <h3 id={headingId} className="text-base font-semibold text-slate-900">
        {name}
      </h3>
      <p className="mt-1 text-sm text-slate-600">{t(`descriptions.${category}`)}</p>

      {/* flex-1: the action rows of the three cards line up whatever each card says above them */}
      <div className="mt-4 min-h-16 flex-1 text-sm" aria-live="polite">
        {live ? (
          <div className="space-y-2">
            <ImportProgress
              job={live}
              label={t(live.dryRun ? "progress.previewLabel" : "progress.label", {
                category: name,
              })}
            />
            {canRun ? (
              <button
                type="button"
                className="text-xs font-medium text-slate-700 underline underline-offset-2"
                onClick={() => cancel.mutate(live.id)}
              >
                {t("actions.cancel")}
              </button>
            ) : null}
          </div>
        ) : last ? (
          <div>
            <p className="font-medium text-slate-900">{t("lastRun.title")}</p>
            <p className="text-slate-700">
              {t("lastRun.by", { when: when(last.createdAt), who: last.requestedBy })}
            </p>
            <p className={last.status === "failed" ? "text-red-700" : "text-slate-700"}>
              {last.status === "succeeded"
                ? summary(last)
                : `${t(`status.${last.status}`)}${last.error ? ` · ${reason(last.error)}` : ""}`}
            </p>
          </div>
        ) : (
          <p className="text-slate-600">{t("lastRun.never")}</p>
        )}
      </div>

      <div className="mt-4 flex flex-wrap gap-2">
        <Button
          disabled={runDisabled}
          aria-describedby={blockedReason ? whyId : undefined}
          onClick={() => run(false)}
        >
          {t("actions.run")}
        </Button>
        <Button
          ref={previewButton}
          variant="secondary"
          disabled={previewDisabled}
          aria-describedby={blockedReason ? whyId : undefined}
          onClick={() => run(true)}
        >
          {t("actions.preview")}
        </Button>
      </div>
      {blockedReason ? (
        <p id={whyId} className="mt-2 text-xs text-slate-600">
          {blockedReason}
        </p>
      ) : null}

      <ImportHistory
        jobs={items ?? []}
        onOpen={setOpenJob}
        onUndo={canRun ? setUndoJob : undefined}
      />
      {undoJob ? <UndoDialog job={undoJob} onClose={() => setUndoJob(undefined)} /> : null}
      {shownJob ? (
        <RecordsDialog
          jobId={shownJob}
          canRun={!blockedReason}
          returnFocus={previewButton}
          onClose={() => {
            setOpenJob(undefined);
            setLinkClosed(true);
          }}
          onRunForReal={() => run(false)}
        />
      ) : null}
    </section>
  );
}
