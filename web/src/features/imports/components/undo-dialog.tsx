import type { ImportJob } from "@app/shared";
import { useTranslation } from "react-i18next";
import { toast } from "../../../lib/toast";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { useUndoImport, useUndoPreview } from "../api/undo-import";
import { useFormatWhen } from "../hooks/use-format";
import { useKeptReason } from "../hooks/use-kept-reason";
import { useErrorMessage } from "../../../lib/use-error-message";

const LISTED = 5;

/**
 * "Undo this import": the preview first (what would be removed, restored and kept, and why),
 * then the undo itself on confirmation, with a toast of what it did.
 */
export function UndoDialog({ job, onClose }: { job: ImportJob; onClose: () => void }) {
  const { t } = useTranslation("imports");
  const errorMessage = useErrorMessage();
  const when = useFormatWhen();
  const keptReason = useKeptReason();
  const preview = useUndoPreview(job.id);

  // Told from the mutation itself: the card (and this dialog) may re-render away while a large
  // undo runs, and the owner must still hear how it ended.
  const undo = useUndoImport({
    onDone: (r) =>
      toast.success(
        t("undo.done", { removed: r.removed, restored: r.restored, kept: r.keptCount }),
      ),
    onFailed: (err) => toast.error(t("undo.failed", { reason: errorMessage(err) })),
  });
  const p = preview.data;
  const nothing = p && p.removed + p.restored + p.keptCount === 0;

  return (
    <ConfirmDialog
      open
      title={t("undo.title", {
        category: t(`categories.${job.category}`),
        when: when(job.createdAt),
      })}
      confirmLabel={t("undo.confirm")}
      cancelLabel={t("undo.cancel")}
      busy={!p || !!nothing || undo.isPending}
      onCancel={onClose}
      onConfirm={() => undo.mutate(job.id, { onSuccess: onClose })}
    >
      {preview.isPending ? (
        <p role="status">{t("undo.loading")}</p>
      ) : preview.isError ? (
        <p role="alert" className="text-red-700">
          {t("undo.failed", { reason: errorMessage(preview.error) })}
        </p>
      ) : p ? (
        <div className="space-y-2" aria-live="polite">
          {nothing ? <p>{t("undo.nothing")}</p> : null}
          <ul className="list-disc pl-5">
            {p.removed > 0 ? <li>{t("undo.removed", { count: p.removed })}</li> : null}
            {p.restored > 0 ? <li>{t("undo.restored", { count: p.restored })}</li> : null}
            {p.keptCount > 0 ? <li>{t("undo.kept", { count: p.keptCount })}</li> : null}
          </ul>
          {p.kept.length > 0 ? (
            <ul className="rounded-md bg-slate-50 px-3 py-2 text-xs">
              {p.kept.slice(0, LISTED).map((k) => (
                <li key={k.recordId}>
                  <span className="font-medium text-slate-900">{k.name}</span>
                  {": "}
                  {keptReason(k)}
                </li>
              ))}
              {p.keptCount > LISTED ? (
                <li>{t("undo.andMore", { count: p.keptCount - LISTED })}</li>
              ) : null}
            </ul>
          ) : null}
          <p className="text-xs">{t("undo.quickBooksUntouched")}</p>
        </div>
      ) : null}
    </ConfirmDialog>
  );
}
