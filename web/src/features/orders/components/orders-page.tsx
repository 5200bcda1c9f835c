import { canEditOrders } from "@app/shared";
import { useTranslation } from "react-i18next";
import { useFormats } from "../../../lib/use-formats";
import { Link } from "react-router";
import { EmptyState } from "../../../components/ui/empty-state";
import { OrdersIcon } from "../../../components/ui/icons";
import { ListError } from "../../../components/ui/list-error";
import { PageHeader } from "../../../components/ui/page-header";
import { TableSkeleton } from "../../../components/ui/table-skeleton";
import { useOrders } from "../api/get-orders";
import { useRole } from "../../../lib/auth/use-role";
import { OrderStatusBadge, QuickBooksBadge } from "./quickbooks-badge";
import { useErrorMessage } from "../../../lib/use-error-message";

const newOrderClass =
  "inline-flex items-center rounded-lg bg-navy-900 px-4 py-2 text-sm font-semibold text-white hover:bg-navy-800";

export function OrdersPage() {
  const { t } = useTranslation("orders");
  const errorMessage = useErrorMessage();
  const { money } = useFormats();
  const orders = useOrders();
  const role = useRole();
  const canEdit = role ? canEditOrders(role) : false;
  const th = "px-3 py-2 text-left font-semibold";

  function body() {
    if (orders.isPending) return <TableSkeleton columns={5} label={t("list.loading")} />;
    if (orders.isError)
      return (
        <ListError
          title={t("list.errorTitle")}
          message={errorMessage(orders.error)}
          retry={t("retry")}
          onRetry={() => void orders.refetch()}
        />
      );
    if (orders.data.items.length === 0)
      return (
        <EmptyState icon={<OrdersIcon />} title={t("list.emptyTitle")}>
          {t("list.emptyBody")}
        </EmptyState>
      );
    return (
      <div className="card overflow-x-auto">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("list.caption")}</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
            <tr>
              <th scope="col" className={th}>
                {t("fields.number")}
              </th>
              <th scope="col" className={th}>
                {t("fields.customer")}
              </th>
              <th scope="col" className={`${th} text-right`}>
                {t("fields.total")}
              </th>
              <th scope="col" className={th}>
                {t("fields.status")}
              </th>
              <th scope="col" className={th}>
                {t("fields.quickbooks")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {orders.data.items.map((o) => (
              <tr key={o.id}>
                <td className="px-3 py-2">
                  <Link
                    to={`/orders/${o.id}`}
                    className="font-medium text-navy-800 hover:underline"
                  >
                    {t("numbered", { number: o.number })}
                  </Link>
                </td>
                <td className="px-3 py-2">{o.customer.name}</td>
                <td className="px-3 py-2 text-right tabular-nums">{money(o.total)}</td>
                <td className="px-3 py-2">
                  <OrderStatusBadge status={o.status} />
                </td>
                <td className="px-3 py-2">
                  <QuickBooksBadge status={o.quickBooks.status} />
                  {o.quickBooks.docNumber ? (
                    <span className="ml-2 text-xs text-slate-600">
                      {t("quickbooks.docNumber", { doc: o.quickBooks.docNumber })}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {canEdit ? (
        <div className="mb-4">
          <Link to="/orders/new" className={newOrderClass}>
            {t("list.new")}
          </Link>
        </div>
      ) : null}
      {body()}
    </>
  );
}
