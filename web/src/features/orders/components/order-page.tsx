import { canEditOrders, canInvoice } from "@app/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatLocale } from "../../../i18n";
import { Link, useParams } from "react-router";
import { toast } from "../../../lib/toast";
import { Button } from "../../../components/ui/button";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { ListError } from "../../../components/ui/list-error";
import { PageHeader } from "../../../components/ui/page-header";
import { PageLoading } from "../../../components/ui/page-loading";
import { formatQuantity } from "../../../lib/format-decimal";
import { useOrder } from "../api/get-order";
import { useInvoiceOrder } from "../api/invoice-order";
import { useRole } from "../../../lib/auth/use-role";
import { OrderLinesTable } from "./order-lines-table";
import { OrderStatusBadge } from "./quickbooks-badge";
import { QuickBooksPanel } from "./quickbooks-panel";
import { useErrorMessage } from "../../../lib/use-error-message";

export function OrderPage() {
  const { orderId = "" } = useParams();
  const { t, i18n } = useTranslation("orders");
  const errorMessage = useErrorMessage();
  const order = useOrder(orderId);
  const role = useRole();
  const invoice = useInvoiceOrder();
  const [confirming, setConfirming] = useState(false);

  if (order.isPending) return <PageLoading />;
  if (order.isError)
    return (
      <ListError
        title={t("detail.errorTitle")}
        message={errorMessage(order.error)}
        retry={t("retry")}
        onRetry={() => void order.refetch()}
      />
    );
  const o = order.data;
  const open = o.status === "open";
  const stockLines = o.lines.filter((l) => l.tracksStock).length;

  return (
    <>
      <PageHeader
        title={t("numbered", { number: o.number })}
        description={t("detail.customer", { name: o.customer.name })}
      />
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <OrderStatusBadge status={o.status} />
        {open && role && canEditOrders(role) ? (
          <Link
            to={`/orders/${o.id}/edit`}
            className="rounded-lg px-3 py-2 text-sm font-semibold text-navy-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
          >
            {t("detail.edit")}
          </Link>
        ) : null}
        {open && role && canInvoice(role) ? (
          <Button onClick={() => setConfirming(true)}>{t("detail.invoice")}</Button>
        ) : null}
        <Link to="/orders" className="text-sm text-navy-800 underline">
          {t("detail.back")}
        </Link>
      </div>
      {o.stockWarnings.length > 0 ? (
        <div
          role="status"
          className="mb-4 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
        >
          <p className="font-semibold">{t("detail.belowZeroTitle")}</p>
          <ul className="mt-1 list-disc pl-5">
            {o.stockWarnings.map((w) => (
              <li key={w.partId}>
                {t("detail.belowZero", {
                  part: w.description,
                  quantity: formatQuantity(w.quantityAfter, formatLocale(i18n.resolvedLanguage)),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <OrderLinesTable order={o} />
        </div>
        <QuickBooksPanel order={o} />
      </div>
      <ConfirmDialog
        open={confirming}
        tone="neutral"
        title={t("detail.confirmTitle", { number: o.number })}
        confirmLabel={t("detail.confirm")}
        cancelLabel={t("cancel")}
        busy={invoice.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          invoice.mutate(o.id, {
            onSuccess: () => {
              setConfirming(false);
              toast.success(t("detail.invoiced", { number: o.number }));
            },
            onError: (err) => {
              setConfirming(false);
              toast.error(errorMessage(err));
            },
          })
        }
      >
        {t("detail.confirmBody", { count: stockLines })}
      </ConfirmDialog>
    </>
  );
}
