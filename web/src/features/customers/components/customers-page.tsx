import { CustomerListQuerySchema } from "@app/shared";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/ui/button";
import { EmptyState } from "../../../components/ui/empty-state";
import { CustomersIcon } from "../../../components/ui/icons";
import { ListError } from "../../../components/ui/list-error";
import { PageHeader } from "../../../components/ui/page-header";
import { Pager } from "../../../components/ui/pager";
import { SearchBox } from "../../../components/ui/search-box";
import { SelectFilter } from "../../../components/ui/select-filter";
import { TableSkeleton } from "../../../components/ui/table-skeleton";
import { useListParams } from "../../../lib/use-list-params";
import { useCustomers } from "../api/get-customers";
import { CustomerRow } from "./customer-row";
import { useErrorMessage } from "../../../lib/use-error-message";

type LinkChoice = "linked" | "unlinked";

export function CustomersPage() {
  const { t } = useTranslation("customers");
  const errorMessage = useErrorMessage();
  const [query, update] = useListParams(CustomerListQuerySchema);
  const customers = useCustomers(query);
  const link: LinkChoice | "" =
    query.linked === undefined ? "" : query.linked ? "linked" : "unlinked";

  function body() {
    if (customers.isPending) return <TableSkeleton columns={4} label={t("list.loading")} />;
    if (customers.isError) {
      const retry = () => void customers.refetch();
      return (
        <ListError
          title={t("list.errorTitle")}
          message={errorMessage(customers.error)}
          retry={t("list.retry")}
          onRetry={retry}
        />
      );
    }
    const { items, total, page, pageSize } = customers.data;
    if (total === 0) {
      const filtered = Boolean(query.search || query.linked !== undefined);
      return (
        <EmptyState
          icon={<CustomersIcon />}
          title={filtered ? t("list.noMatchTitle") : t("list.emptyTitle")}
          action={
            filtered ? (
              <Button
                variant="secondary"
                onClick={() => update({ search: undefined, linked: undefined })}
              >
                {t("list.clear")}
              </Button>
            ) : undefined
          }
        >
          {filtered ? t("list.noMatchBody") : t("list.emptyBody")}
        </EmptyState>
      );
    }
    const th = "px-3 py-2 text-left font-semibold";
    return (
      <>
        <div className="card overflow-x-auto">
          <table
            aria-busy={customers.isPlaceholderData}
            className={`w-full text-sm ${customers.isPlaceholderData ? "opacity-60" : ""}`}
          >
            <caption className="sr-only">{t("list.caption")}</caption>
            <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
              <tr>
                <th scope="col" className={th}>
                  {t("fields.name")}
                </th>
                <th scope="col" className={th}>
                  {t("fields.email")}
                </th>
                <th scope="col" className={th}>
                  {t("fields.phone")}
                </th>
                <th scope="col" className={th}>
                  {t("fields.city")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((c) => (
                <CustomerRow key={c.id} customer={c} />
              ))}
            </tbody>
          </table>
        </div>
        <Pager
          page={page}
          pageSize={pageSize}
          total={total}
          onPage={(p) => update({ page: p })}
          empty={t("list.rangeEmpty")}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <SearchBox
          label={t("list.search")}
          placeholder={t("list.searchPlaceholder")}
          value={query.search ?? ""}
          onSearch={(search) => update({ search: search || undefined })}
        />
        <SelectFilter<LinkChoice>
          label={t("list.linked")}
          value={link}
          options={[
            { value: "", label: t("list.allLinks") },
            { value: "linked", label: t("list.linkedOnly") },
            { value: "unlinked", label: t("list.unlinkedOnly") },
          ]}
          onChange={(v) => update({ linked: v === "" ? undefined : v === "linked" })}
        />
      </div>
      {body()}
    </>
  );
}
