import type { Part } from "@app/shared";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatQuantity } from "../../../lib/format-decimal";
import { useFormats } from "../../../lib/use-formats";
import { isLowStock, LowStockBadge } from "./part-row";
import { QuickBooksRef } from "../../../components/ui/quickbooks-ref";
import { useMe } from "../../../lib/auth/me";
import { quickBooksItemUrl } from "@app/shared";

/** Every mapped field of a part, labelled with the product's words. */
export function PartDetails({ part }: { part: Part }) {
  const { t } = useTranslation("inventory");
  const appUrl = useMe().data?.quickBooksAppUrl;
  const { locale, money, date } = useFormats();
  const quantity = (v: string | null) => (v === null ? t("notTracked") : formatQuantity(v, locale));
  const rows: [string, ReactNode][] = [
    [t("fields.description"), part.description],
    [t("fields.partNumber"), part.partNumber || "—"],
    [t("fields.kind"), t(`kinds.${part.kind}`)],
    [t("fields.vendor"), part.vendor?.name ?? t("detail.noVendor")],
    [t("fields.cost"), money(part.cost)],
    [t("fields.retailCost"), money(part.retailCost)],
    [
      t("fields.quantityAvailable"),
      <span key="q" className="inline-flex items-center gap-2">
        {quantity(part.quantityAvailable)}
        {isLowStock(part) ? <LowStockBadge /> : null}
      </span>,
    ],
    [
      t("fields.criticalQuantity"),
      part.criticalQuantity === null ? "—" : quantity(part.criticalQuantity),
    ],
    [
      t("fields.quickBooksItemRef"),
      <QuickBooksRef
        key="ref"
        id={part.quickBooksItemRef}
        href={quickBooksItemUrl(part.quickBooksItemRef ?? "", appUrl)}
        synced={t("synced", { ref: part.quickBooksItemRef })}
      />,
    ],
    [t("fields.note"), part.note ? <span className="whitespace-pre-line">{part.note}</span> : "—"],
    [t("fields.updatedAt"), date(part.updatedAt, "minute")],
  ];
  return (
    <dl className="card grid grid-cols-1 divide-y divide-slate-100">
      {rows.map(([label, value]) => (
        <div key={label} className="grid gap-1 px-5 py-3 sm:grid-cols-3 sm:gap-4">
          <dt className="text-sm font-medium text-slate-600">{label}</dt>
          <dd className="text-sm text-slate-900 sm:col-span-2">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
