import { canEditParts, canManageQuickBooks, canUnlinkParts, type Part } from "@app/shared";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { EmptyState } from "../../../components/ui/empty-state";
import { InventoryIcon } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/page-header";
import { PageLoading } from "../../../components/ui/page-loading";
import { ApiError } from "../../../lib/api-client";
import { CreateInQuickBooks } from "./create-in-quickbooks";
import { useMe } from "../../../lib/auth/me";
import { usePart } from "../api/get-part";
import { PartDetails } from "./part-details";
import { StockHistory } from "./stock-history";
import { UnlinkPart } from "./unlink-part";

const isLinked = (p: Part): p is Part & { quickBooksItemRef: string } =>
  p.quickBooksItemRef !== null;

export function BackToInventory() {
  const { t } = useTranslation("inventory");
  return (
    <Link
      to="/inventory"
      className="mb-4 inline-block text-sm font-medium text-navy-700 hover:underline"
    >
      <span aria-hidden="true">← </span>
      {t("detail.back")}
    </Link>
  );
}

export function PartPage() {
  const { t } = useTranslation("inventory");
  const partId = useParams().partId ?? "";
  const part = usePart(partId);
  const role = useMe().data?.role;

  if (part.isPending) return <PageLoading />;
  if (part.isError) {
    if (part.error instanceof ApiError && part.error.status === 404) {
      return (
        <>
          <BackToInventory />
          <EmptyState icon={<InventoryIcon />} title={t("detail.notFoundTitle")}>
            {t("detail.notFoundBody")}
          </EmptyState>
        </>
      );
    }
    throw part.error; // the route's error element explains it inside the shell
  }
  const p = part.data;
  return (
    <>
      <BackToInventory />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeader title={p.description} description={p.partNumber || undefined} />
        <div className="flex gap-3">
          {role && canUnlinkParts(role) && isLinked(p) ? <UnlinkPart part={p} /> : null}
          {role && canManageQuickBooks(role) && !isLinked(p) ? (
            <CreateInQuickBooks part={p} />
          ) : null}
          {role && canEditParts(role) ? (
            <Link
              to={`/inventory/${p.id}/edit`}
              className="inline-flex items-center rounded-lg bg-navy-900 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-navy-800"
            >
              {t("detail.edit")}
            </Link>
          ) : null}
        </div>
      </div>
      <PartDetails part={p} />
      <StockHistory partId={p.id} />
    </>
  );
}
