import type { DriftAction, DriftField, DriftFixResult } from "@app/shared";
import type { TFunction } from "i18next";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "../../../lib/toast";
import { useErrorMessage } from "../../../lib/use-error-message";
import { useFixDrift } from "../api/fix-drift";

/** Says what a fix did: fixed values, an unsupported quantity push, failures. */
function report(
  t: TFunction<"sync">,
  errorMessage: (error: unknown) => string,
  results: DriftFixResult[],
) {
  const fixed = results.filter((r) => r.outcome === "fixed").length;
  if (fixed > 0) toast.success(t("drift.fixed", { count: fixed }));
  const unsupported = results.find((r) => r.outcome === "unsupported");
  if (unsupported) toast.warning(t("drift.unsupported", { message: errorMessage(unsupported) }));
  const failed = results.filter((r) => r.outcome === "failed");
  if (failed.length > 0)
    toast.error(t("drift.failedFix", { count: failed.length, message: errorMessage(failed[0]) }));
}

export function useDriftActions(onDone: () => void) {
  const { t } = useTranslation("sync");
  const errorMessage = useErrorMessage();
  const { mutate, isPending } = useFixDrift();
  const run = useCallback(
    (action: DriftAction, partIds: string[], fields: DriftField[]) =>
      mutate(
        { action, partIds, fields },
        {
          onSuccess: ({ results }) => {
            report(t, errorMessage, results);
            onDone();
          },
          onError: (err) => toast.error(t("drift.failed", { reason: errorMessage(err) })),
        },
      ),
    [mutate, onDone, t, errorMessage],
  );
  return { run, pending: isPending };
}
