import { type Order, canInvoice } from "@app/shared";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "../../../components/ui/button";
import { QuickBooksMark } from "../../../components/ui/icons";
import { useSendToQuickBooks } from "../api/send-to-quickbooks";
import { useRole } from "../../../lib/auth/use-role";
import { QuickBooksBadge } from "./quickbooks-badge";

/** Known failure codes get the translated fix; others show QuickBooks' own words. */
const KNOWN_ERRORS = new Set([
  "accounting_not_configured",
  "quickbooks_not_connected",
  "quickbooks_reconnect_required",
  "quickbooks_unavailable",
]);

/** The order's QuickBooks panel: where the invoice stands, and Send / Re-send / Retry. */
export function QuickBooksPanel({ order }: { order: Order }) {
  const { t, i18n } = useTranslation("orders");
  const role = useRole();
  const send = useSendToQuickBooks();
  const qb = order.quickBooks;
  const action =
    qb.status === "failed"
      ? t("quickbooks.retry")
      : qb.status === "out_of_date"
        ? t("quickbooks.resend")
        : qb.status === "not_sent"
          ? t("quickbooks.send")
          : null;
  const errorText = qb.error
    ? qb.error.code && KNOWN_ERRORS.has(qb.error.code)
      ? t(`quickbooks.errors.${qb.error.code}`)
      : qb.error.message
    : null;

  return (
    <section
      aria-labelledby="qb-panel-title"
      aria-live="polite"
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <div className="flex items-center gap-2">
        <QuickBooksMark className="size-6" aria-hidden="true" />
        <h2 id="qb-panel-title" className="text-base font-semibold text-slate-900">
          {t("quickbooks.title")}
        </h2>
        <QuickBooksBadge status={qb.status} />
      </div>
      <p className="mt-2 text-sm text-slate-700">{t(`quickbooks.explain.${qb.status}`)}</p>
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
      {qb.lastSentAt ? (
        <p className="mt-1 text-xs text-slate-600">
          {t("quickbooks.lastSent", {
            when: new Intl.DateTimeFormat(i18n.resolvedLanguage, {
              dateStyle: "medium",
              timeStyle: "short",
            }).format(new Date(qb.lastSentAt)),
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
          onClick={() => send.mutate(order.id, { onError: (err) => toast.error(err.message) })}
        >
          {action}
        </Button>
      ) : null}
    </section>
  );
}
