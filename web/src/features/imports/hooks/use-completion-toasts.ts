import type { ImportCategory, ImportJob } from "@app/shared";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "../../../lib/toast";
import { isLive } from "../api/live";
import { useStartImport } from "../api/start-import";
import { useErrorMessage } from "../../../lib/use-error-message";
import { useSummary } from "./use-format";

/**
 * Toasts once when a run this page watched ends: the counts, or the reason with a Retry; and
 * refreshes at once what the run changed, so the checklist ticks with the toast, not after
 * its next 10 s poll.
 * A run is "watched" from the moment we start it (it may finish before the next list even
 * arrives) or see it live; pass the returned `watch` to useStartImport.
 */
export function useCompletionToasts(
  category: ImportCategory,
  jobs: readonly ImportJob[] | undefined,
) {
  const { t } = useTranslation("imports");
  const queryClient = useQueryClient();
  const summary = useSummary();
  const reason = useErrorMessage();
  const watched = useRef(new Set<string>());
  const watch = useCallback((job: ImportJob) => void watched.current.add(job.id), []);
  const { mutate: start } = useStartImport(watch);
  const retry = useCallback(
    () =>
      start(
        { category, dryRun: false },
        {
          onError: (err) =>
            toast.error(
              t("toast.startFailed", {
                category: t(`categories.${category}`),
                reason: reason(err),
              }),
            ),
        },
      ),
    [start, category, t, reason],
  );

  useEffect(() => {
    for (const job of jobs ?? []) {
      if (isLive(job)) {
        watched.current.add(job.id);
        continue;
      }
      if (!watched.current.delete(job.id) || job.dryRun) continue;
      // A finished import changes the checklist, the lists and keep-in-sync, all features of
      // their own: refresh whatever is on screen now (only active queries refetch).
      void queryClient.invalidateQueries();
      const category = t(`categories.${job.category}`);
      if (job.status === "succeeded") toast.success(summary(job), { description: category });
      else if (job.status === "canceled") toast.info(t("toast.canceled", { category }));
      else
        toast.error(t("toast.failed", { category, reason: reason(job.error) }), {
          action: { label: t("actions.retry"), onClick: retry },
          duration: 15_000,
        });
    }
  }, [jobs, summary, reason, t, retry, queryClient]);

  return watch;
}
