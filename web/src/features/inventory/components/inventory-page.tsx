import { canEditParts, PartListQuerySchema } from "@app/shared";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Button } from "../../../components/ui/button";
import { EmptyState } from "../../../components/ui/empty-state";
import { InventoryIcon } from "../../../components/ui/icons";
import { ListError } from "../../../components/ui/list-error";
import { PageHeader } from "../../../components/ui/page-header";
import { Pager } from "../../../components/ui/pager";
import { TableSkeleton } from "../../../components/ui/table-skeleton";
import { useMe } from "../../../lib/auth/me";
import { useParts } from "../api/get-parts";
import { useListParams } from "../../../lib/use-list-params";
import { InventoryFilters } from "./inventory-filters";
import { PartsTable } from "./parts-table";
import { useErrorMessage } from "../../../lib/use-error-message";

export function InventoryPage() {
  const { t } = useTranslation("inventory");
  const errorMessage = useErrorMessage();
  const [query, update] = useListParams(PartListQuerySchema);
  const parts = useParts(query);
  const me = useMe().data;
  const filtered = Boolean(
    query.search || query.kind || query.linked !== undefined || query.lowStock,
  );

  function body() {
    if (parts.isPending) return <TableSkeleton columns={7} label={t("list.loading")} />;
    if (parts.isError) {
      const retry = () => void parts.refetch();
      return (
        <ListError
          title={t("list.errorTitle")}
          message={errorMessage(parts.error)}
          retry={t("list.retry")}
          onRetry={retry}
        />
      );
    }
    const { items, total, totalExact, page, pageSize } = parts.data;
    if (items.length === 0 && total === 0) {
      return filtered ? (
        <EmptyState
          icon={<InventoryIcon />}
          title={t("list.noMatchTitle")}
          action={
            <Button
              variant="secondary"
              onClick={() =>
                update({
                  search: undefined,
                  kind: undefined,
                  linked: undefined,
                  lowStock: undefined,
                })
              }
            >
              {t("list.clear")}
            </Button>
          }
        >
          {t("list.noMatchBody")}
        </EmptyState>
      ) : (
        <EmptyState icon={<InventoryIcon />} title={t("list.emptyTitle")}>
          {t("list.emptyBody")}
        </EmptyState>
      );
    }
    return (
      <>
        <PartsTable
          parts={items}
          sort={query.sort}
          onSort={(sort) => update({ sort })}
          busy={parts.isPlaceholderData}
        />
        <Pager
          page={page}
          pageSize={pageSize}
          total={total}
          totalExact={totalExact}
          // Next names the last part shown, so a deep page costs the server no more than the
          // first; Previous (or a typed URL) goes by the page number.
          onPage={(p) => update({ page: p, after: p === page + 1 ? items.at(-1)?.id : undefined })}
          empty={t("list.rangeEmpty")}
        />
      </>
    );
  }

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeader title={t("title")} description={t("description")} />
        {me && canEditParts(me.role) ? (
          <Link
            to="/inventory/new"
            className="inline-flex items-center rounded-lg bg-navy-900 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-navy-800"
          >
            {t("list.newPart")}
          </Link>
        ) : null}
      </div>
      <InventoryFilters query={query} onChange={update} />
      {body()}
    </>
  );
}
