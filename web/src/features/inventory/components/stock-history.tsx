import { useTranslation } from "react-i18next";
import { formatQuantity } from "../../../lib/format-decimal";
import { usePartMovements } from "../api/get-part-movements";

/** Every quantity change with its reason (import, invoice, manual edit), newest first. */
export function StockHistory({ partId }: { partId: string }) {
  const { t, i18n } = useTranslation("inventory");
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
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-sm">
            <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("detail.when")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("detail.reason")}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t("detail.change")}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t("detail.after")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("detail.reference")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((m) => (
                <tr key={m.id}>
                  <td className="px-3 py-2 whitespace-nowrap">
                    {when.format(new Date(m.createdAt))}
                  </td>
                  <td className="px-3 py-2">{t(`detail.reasons.${m.reason}`)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {m.delta.startsWith("-") ? "" : "+"}
                    {formatQuantity(m.delta, locale)}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {formatQuantity(m.quantityAfter, locale)}
                  </td>
                  <td className="px-3 py-2 text-slate-600">{m.reference ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
