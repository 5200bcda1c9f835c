import { canEditParts } from "@app/shared";
import { useTranslation } from "react-i18next";
import { Cell, DataTable } from "../../../components/ui/data-table";
import { formatQuantity } from "../../../lib/format-decimal";
import { useMe } from "../../../lib/auth/me";
import { usePartMovements } from "../api/get-part-movements";
import { AdjustmentStatus } from "./adjustment-status";

/**
 * Every quantity change with its reason (import, invoice, manual edit), newest first, and for
 * a change sent to QuickBooks where it stands there.
 */
export function StockHistory({ partId }: { partId: string }) {
  const { t, i18n } = useTranslation("inventory");
  const role = useMe().data?.role;
  const movements = usePartMovements(partId);
  const locale = i18n.resolvedLanguage ?? "en";
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
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
              <Cell className="whitespace-nowrap">{when.format(new Date(m.createdAt))}</Cell>
              <Cell>{t(`detail.reasons.${m.reason}`)}</Cell>
              <Cell align="end">
                {m.delta.startsWith("-") ? "" : "+"}
                {formatQuantity(m.delta, locale)}
              </Cell>
              <Cell align="end">{formatQuantity(m.quantityAfter, locale)}</Cell>
              <Cell className="text-slate-600">{m.reference ?? "—"}</Cell>
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
