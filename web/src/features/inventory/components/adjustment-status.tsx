import { ErrorCodeSchema, type StockAdjustment } from "@app/shared";
import { useTranslation } from "react-i18next";
import { toast } from "../../../lib/toast";
import { Button } from "../../../components/ui/button";
import { useErrorMessage } from "../../../lib/use-error-message";
import { useRetryAdjustment } from "../api/retry-adjustment";

const tone: Record<StockAdjustment["status"], string> = {
  pending: "bg-amber-50 text-amber-800 ring-amber-200",
  sent: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  failed: "bg-red-50 text-red-800 ring-red-200",
  dropped: "bg-slate-100 text-slate-700 ring-slate-200",
};

/** Where a stock change stands in QuickBooks: on its way, there, or refused (with Retry). */
export function AdjustmentStatus({
  partId,
  adjustment,
  canRetry,
}: {
  partId: string;
  adjustment: StockAdjustment | null;
  canRetry: boolean;
}) {
  const { t } = useTranslation("inventory");
  const retry = useRetryAdjustment();
  const errorMessage = useErrorMessage();
  // Its reason in the reader's words; a code the API knows by its words; else the stored text.
  const said = (a: StockAdjustment) =>
    a.reason || ErrorCodeSchema.safeParse(a.errorCode).success
      ? errorMessage({ code: a.errorCode ?? undefined, reason: a.reason, params: a.params })
      : a.error;
  if (!adjustment) return <span className="text-slate-500">—</span>;
  return (
    <div className="flex flex-col items-start gap-1">
      <span
        className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tone[adjustment.status]}`}
      >
        {t(`adjustment.status.${adjustment.status}`)}
      </span>
      {adjustment.status === "failed" ? (
        <>
          <span className="max-w-xs text-xs text-red-800">{said(adjustment)}</span>
          {canRetry ? (
            <Button
              variant="secondary"
              className="!px-2 !py-1 text-xs"
              disabled={retry.isPending}
              onClick={() =>
                retry.mutate(
                  { partId, adjustmentId: adjustment.id },
                  {
                    onError: (e) =>
                      toast.error(t("adjustment.retryFailed"), { description: errorMessage(e) }),
                  },
                )
              }
            >
              {t("adjustment.retry")}
            </Button>
          ) : null}
        </>
      ) : null}
      {adjustment.status === "dropped" ? (
        <span className="max-w-xs text-xs text-slate-600">{said(adjustment)}</span>
      ) : null}
    </div>
  );
}
