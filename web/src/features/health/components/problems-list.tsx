import type { Problem } from "@app/shared";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { toast } from "../../../lib/toast";
import { Button } from "../../../components/ui/button";
import { useDismissProblem, useRetryProblem } from "../api/act-on-problem";
import { useErrorMessage } from "../../../lib/use-error-message";
import { useProblemText } from "./use-problem-text";
import { useFormats } from "../../../lib/use-formats";

/** Every problem that needs a person, newest first, each with its record, Retry or fix, and dismiss. */
export function ProblemsList({
  problems,
  canAct,
}: {
  problems: readonly Problem[];
  canAct: boolean;
}) {
  const { t } = useTranslation("health");
  const errorMessage = useErrorMessage();
  const text = useProblemText();
  const retry = useRetryProblem();
  const dismiss = useDismissProblem();
  const { date } = useFormats();
  const when = (iso: string) => date(iso, "minute");
  const failed = (err: unknown) =>
    toast.error(t("problems.actionFailed", { reason: errorMessage(err) }));

  return (
    <section aria-labelledby="health-problems">
      <h3 id="health-problems" className="text-base font-semibold text-slate-900">
        {t("problems.title", { count: problems.length })}
      </h3>
      {problems.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("problems.none")}</p>
      ) : (
        <ul className="card mt-3 divide-y divide-slate-100">
          {problems.map((p) => {
            const sentence = text.sentence(p);
            const reason = text.reason(p.reason);
            return (
              <li key={p.id} className="flex flex-wrap items-start justify-between gap-3 p-4">
                <div className="min-w-0 flex-1">
                  <p className="text-sm font-semibold text-slate-900">{t(`kinds.${p.kind}`)}</p>
                  <p className="text-sm text-slate-700">{sentence}</p>
                  {reason ? (
                    <p className="text-sm text-slate-600">{t("problems.reason", { reason })}</p>
                  ) : null}
                  <p className="text-xs text-slate-500">{when(p.at)}</p>
                </div>
                <div className="flex flex-wrap items-center gap-2">
                  {p.recordUrl ? (
                    <Link
                      to={p.recordUrl}
                      className="text-sm font-medium text-navy-800 underline underline-offset-2"
                    >
                      {t(`open.${p.kind}`)}
                    </Link>
                  ) : null}
                  {p.fixUrl && (p.kind === "merge" || p.kind === "sync_notice") ? (
                    <Link
                      to={p.fixUrl}
                      className="text-sm font-medium text-navy-800 underline underline-offset-2"
                    >
                      {t(`fix.${p.kind}`)}
                    </Link>
                  ) : null}
                  {canAct && p.retryable ? (
                    <Button
                      disabled={retry.isPending}
                      onClick={() =>
                        retry.mutate(p.id, {
                          onSuccess: () => toast.success(t("problems.retried")),
                          onError: failed,
                        })
                      }
                    >
                      {t("problems.retry")}
                    </Button>
                  ) : null}
                  {canAct ? (
                    <Button
                      variant="secondary"
                      disabled={dismiss.isPending}
                      aria-label={t("problems.dismissLabel", { message: sentence })}
                      onClick={() => dismiss.mutate(p.id, { onError: failed })}
                    >
                      {t("problems.dismiss")}
                    </Button>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
