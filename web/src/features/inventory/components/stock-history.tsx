import { type StockMovement, canEditParts } from "@app/shared";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { formatLocale } from "../../../i18n";
import { Link } from "react-router";
import { Cell, DataTable } from "../../../components/ui/data-table";
import { formatQuantity } from "../../../lib/format-decimal";
import { useMe } from "../../../lib/auth/me";
import { usePartMovements } from "../api/get-part-movements";
import { AdjustmentStatus } from "./adjustment-status";
import { useFormats } from "../../../lib/use-formats";

/**
 * Every quantity change with its reason (import, invoice, manual edit), newest first, and for
 * a change sent to QuickBooks where it stands there.
 */
export function StockHistory({ partId }: { partId: string }) {
  const { t, i18n } = useTranslation("inventory");
  const role = useMe().data?.role;
  const movements = usePartMovements(partId);
  const locale = formatLocale(i18n.resolvedLanguage);
  // Seconds: two moves in the same minute (an import, then an invoice) must read apart.
  const { date } = useFormats();
  const when = (iso: string) => date(iso, "moment");
  const items = movements.data?.items ?? [];
  return (
    <section aria-labelledby="stock-history" className="mt-8">
      <h2 id="stock-history" className="mb-3 text-lg font-semibold text-slate-900">
        {t("detail.history")}
      </h2>
      {movements.isPending ? (
        <p role="status" className="text-sm text-slate-600">
          {t("list.loading")}
        </p>
      ) : items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("detail.historyEmpty")}</p>
      ) : (
        <DataTable
          columns={[
            { key: "when", label: t("detail.when") },
            { key: "reason", label: t("detail.reason") },
            { key: "change", label: t("detail.change"), align: "end" },
            { key: "after", label: t("detail.after"), align: "end" },
            { key: "reference", label: t("detail.reference") },
            { key: "quickbooks", label: t("detail.inQuickBooks") },
          ]}
        >
          {items.map((m) => (
            <tr key={m.id}>
              <Cell className="whitespace-nowrap">{when(m.createdAt)}</Cell>
              <Cell>{t(`detail.reasons.${m.reason}`)}</Cell>
              <Cell align="end">
                {m.delta.startsWith("-") ? "" : "+"}
                {formatQuantity(m.delta, locale)}
              </Cell>
              <Cell align="end">{formatQuantity(m.quantityAfter, locale)}</Cell>
              <Cell className="text-slate-600">
                {m.link ? (
                  <Link to={`/orders/${m.link.id}`} className="font-medium text-navy-800 underline">
                    {referenceText(m, t, when)}
                  </Link>
                ) : (
                  referenceText(m, t, when)
                )}
              </Cell>
              <Cell>
                <AdjustmentStatus
                  partId={partId}
                  adjustment={m.quickBooks}
                  canRetry={!!role && canEditParts(role)}
                />
              </Cell>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

/** The reference in the reader's language; the server's own words when it names nothing known. */
function referenceText(m: StockMovement, t: TFunction, when: (iso: string) => string): string {
  const source = m.source;
  if (!source) return m.reference ?? "—";
  switch (source.type) {
    case "order":
      return t("detail.references.order", { number: source.number });
    case "import":
      return t(`detail.references.import.${source.category}`, {
        when: when(source.startedAt),
      });
    case "quickbooks":
      return t(`detail.references.quickbooks.${source.via}`);
    case "person":
      return source.name;
  }
}
