import { canEditOrders } from "@app/shared";
import { useTranslation } from "react-i18next";
import { Navigate, useParams } from "react-router";
import { ListError } from "../../../components/ui/list-error";
import { PageHeader } from "../../../components/ui/page-header";
import { PageLoading } from "../../../components/ui/page-loading";
import { useRole } from "../../../lib/auth/use-role";
import { useOrder } from "../api/get-order";
import { draftOf, emptyLine } from "../hooks/order-draft";
import { OrderEditor } from "./order-editor";
import { useErrorMessage } from "../../../lib/use-error-message";

/** Technicians read only: the server answers 403 anyway, the page says so before any typing. */
function Forbidden() {
  const { t } = useTranslation("orders");
  return (
    <p role="alert" className="rounded-lg bg-amber-50 p-4 text-sm text-amber-900">
      {t("editor.forbidden")}
    </p>
  );
}

export function NewOrderPage() {
  const { t } = useTranslation("orders");
  const role = useRole();
  return (
    <>
      <PageHeader title={t("editor.newTitle")} description={t("editor.newDescription")} />
      {role !== undefined && !canEditOrders(role) ? (
        <Forbidden />
      ) : (
        <OrderEditor initial={{ customerId: "", lines: [emptyLine("part")] }} />
      )}
    </>
  );
}

export function EditOrderPage() {
  const { orderId = "" } = useParams();
  const { t } = useTranslation("orders");
  const errorMessage = useErrorMessage();
  const order = useOrder(orderId);
  const role = useRole();
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
  // Invoiced orders are locked: the editor is not offered.
  if (order.data.status !== "open") return <Navigate to={`/orders/${orderId}`} replace />;
  return (
    <>
      <PageHeader title={t("editor.editTitle", { number: order.data.number })} />
      {role !== undefined && !canEditOrders(role) ? (
        <Forbidden />
      ) : (
        <OrderEditor initial={draftOf(order.data)} orderId={orderId} />
      )}
    </>
  );
}
