import { QuickBooksRef } from "../../../components/ui/quickbooks-ref";
import { quickBooksCustomerUrl } from "@app/shared";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { EmptyState } from "../../../components/ui/empty-state";
import { CustomersIcon } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/page-header";
import { PageLoading } from "../../../components/ui/page-loading";
import { ApiError } from "../../../lib/api-client";
import { useMe } from "../../../lib/auth/me";
import { useCustomer } from "../api/get-customer";
import { customerName } from "../hooks/customer-name";

function Back() {
  const { t } = useTranslation("customers");
  return (
    <Link
      to="/customers"
      className="mb-4 inline-block text-sm font-medium text-navy-700 hover:underline"
    >
      <span aria-hidden="true">← </span>
      {t("detail.back")}
    </Link>
  );
}

export function CustomerPage() {
  const { t } = useTranslation("customers");
  const me = useMe().data;
  const customer = useCustomer(useParams().customerId ?? "");
  if (customer.isPending) return <PageLoading />;
  if (customer.isError) {
    if (!(customer.error instanceof ApiError && customer.error.status === 404))
      throw customer.error;
    return (
      <>
        <Back />
        <EmptyState icon={<CustomersIcon />} title={t("detail.notFoundTitle")}>
          {t("detail.notFoundBody")}
        </EmptyState>
      </>
    );
  }
  const c = customer.data;
  const ref = c.quickBooksCustomerRef;
  const address = [
    c.address1,
    c.address2,
    [c.city, c.state, c.postalCode].filter(Boolean).join(" "),
    c.country,
  ].filter(Boolean);
  const rows: [string, ReactNode][] = [
    [t("fields.firstName"), c.firstName || "—"],
    [t("fields.lastName"), c.lastName || "—"],
    [t("fields.companyName"), c.companyName || "—"],
    [
      t("fields.email"),
      c.email ? (
        <a href={`mailto:${c.email}`} className="text-navy-700 hover:underline">
          {c.email}
        </a>
      ) : (
        "—"
      ),
    ],
    [t("fields.phone"), c.phone || "—"],
    [
      t("fields.address"),
      address.length ? <span className="whitespace-pre-line">{address.join("\n")}</span> : "—",
    ],
    [t("fields.note"), c.note || "—"],
    [
      t("fields.quickBooksCustomerRef"),
      <QuickBooksRef
        key="ref"
        id={ref}
        href={quickBooksCustomerUrl(ref ?? "", me?.quickBooksAppUrl)}
        synced={t("synced", { ref })}
      />,
    ],
  ];
  return (
    <>
      <Back />
      <PageHeader
        title={customerName(c) || t("list.unnamed")}
        description={c.companyName && c.companyName !== customerName(c) ? c.companyName : undefined}
      />
      <dl className="card divide-y divide-slate-100">
        {rows.map(([label, value]) => (
          <div key={label} className="grid gap-1 px-5 py-3 sm:grid-cols-3 sm:gap-4">
            <dt className="text-sm font-medium text-slate-600">{label}</dt>
            <dd className="text-sm text-slate-900 sm:col-span-2">{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
