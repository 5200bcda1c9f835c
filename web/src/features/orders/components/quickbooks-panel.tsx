import { type Order, canInvoice } from "@app/shared";
import { useTranslation } from "react-i18next";
import { toast } from "../../../lib/toast";
import { Button } from "../../../components/ui/button";
import { QuickBooksMark } from "../../../components/ui/icons";
import { useSendToQuickBooks } from "../api/send-to-quickbooks";
import { useRole } from "../../../lib/auth/use-role";
import { QuickBooksBadge } from "./quickbooks-badge";
import { useErrorMessage } from "../../../lib/use-error-message";
import { useFormats } from "../../../lib/use-formats";

/** Known failure codes get the translated fix; others show QuickBooks' own words. */
const KNOWN_ERRORS = new Set([
  "accounting_not_configured",
  "quickbooks_not_connected",
  "quickbooks_reconnect_required",
  "quickbooks_unavailable",
  "quickbooks_6140",
  "quickbooks_company_changed",
]);
/** Failures where we never called QuickBooks (the setup was not ready). */
const NOT_SENT = new Set([
  "accounting_not_configured",
  "quickbooks_not_connected",
  "quickbooks_reconnect_required",
  "quickbooks_company_changed",
]);

/** Why the last send failed: QuickBooks answered "no", never answered, or was never asked. */
function failureKind(code: string | undefined): "refused" | "unreached" | "not_sent" {
  if (code === "quickbooks_unavailable") return "unreached";
  return code && NOT_SENT.has(code) ? "not_sent" : "refused";
}

/** Until QuickBooks holds the invoice, its quantities of the sold items have not moved. */
const STOCK_WAITS = new Set(["not_sent", "pending", "failed"]);

/** The order's QuickBooks panel: where the invoice stands, and Send / Re-send / Retry. */
export function QuickBooksPanel({ order }: { order: Order }) {
  const { t } = useTranslation("orders");
  const { date } = useFormats();
  const errorMessage = useErrorMessage();
  const role = useRole();
  const send = useSendToQuickBooks();
  const qb = order.quickBooks;
  const action =
    qb.status === "failed"
      ? qb.nextDocNumber
        ? t("quickbooks.sendWithNumber", { doc: qb.nextDocNumber })
        : t("quickbooks.retry")
      : qb.status === "out_of_date"
        ? t("quickbooks.resend")
        : qb.status === "not_sent"
          ? t("quickbooks.send")
          : null;
  const errorText = qb.error
    ? qb.error.code && KNOWN_ERRORS.has(qb.error.code)
      ? t(`quickbooks.errors.${qb.error.code}`)
      : // QuickBooks' own words (a refusal Intuit explained), inside a sentence in the reader's
        qb.error.reason
        ? errorMessage(qb.error)
        : qb.error.message
    : null;
  const explain =
    qb.status === "failed"
      ? t(`quickbooks.explain.failed_${failureKind(qb.error?.code)}`)
      : t(`quickbooks.explain.${qb.status}`);
  const linkedStockLines = order.lines.filter((l) => l.tracksStock && l.quickBooksItemRef).length;
  const stockWaits =
    order.status === "invoiced" && STOCK_WAITS.has(qb.status) && linkedStockLines > 0;
  const renumbered = qb.docNumber && qb.docNumber !== String(order.number);

  return (
    <section aria-labelledby="qb-panel-title" aria-live="polite" className="card p-5">
      <div className="flex items-center gap-2">
        <QuickBooksMark className="size-6" aria-hidden="true" />
        <h2 id="qb-panel-title" className="text-base font-semibold text-slate-900">
          {t("quickbooks.title")}
        </h2>
        <QuickBooksBadge status={qb.status} />
      </div>
      <p className="mt-2 text-sm text-slate-700">{explain}</p>
      {stockWaits ? (
        <p className="mt-3 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          {t("quickbooks.stockWaits", { count: linkedStockLines })}
        </p>
      ) : null}
      {qb.docNumber && qb.invoiceId ? (
        <p className="mt-2 text-sm">
          {t("quickbooks.docNumber", { doc: qb.docNumber })}
          {qb.link ? (
            <>
              {" · "}
              <a
                href={qb.link}
                target="_blank"
                rel="noreferrer"
                className="font-medium text-navy-800 underline"
              >
                {t("quickbooks.open")}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
      {renumbered ? (
        <p className="mt-1 text-xs text-slate-600">
          {t("quickbooks.renumbered", { number: order.number, doc: qb.docNumber })}
        </p>
      ) : null}
      {qb.lastSentAt ? (
        <p className="mt-1 text-xs text-slate-600">
          {t("quickbooks.lastSent", {
            when: date(qb.lastSentAt, "minute"),
          })}
        </p>
      ) : null}
      {errorText ? (
        <p role="alert" className="mt-3 rounded-lg bg-red-50 p-3 text-sm text-red-900">
          {errorText}
        </p>
      ) : null}
      {action && role && canInvoice(role) ? (
        <Button
          className="mt-4"
          variant={qb.status === "not_sent" ? "secondary" : "primary"}
          disabled={send.isPending}
          onClick={() =>
            send.mutate(order.id, { onError: (err) => toast.error(errorMessage(err)) })
          }
        >
          {action}
        </Button>
      ) : null}
    </section>
  );
}
