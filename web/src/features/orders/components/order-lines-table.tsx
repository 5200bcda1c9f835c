import type { Order } from "@app/shared";
import { useTranslation } from "react-i18next";
import { formatMoney, formatQuantity } from "../../../lib/format-decimal";

/** The order's lines, read-only, with exact amounts as stored (round2 of qty × price). */
export function OrderLinesTable({ order }: { order: Order }) {
  const { t, i18n } = useTranslation("orders");
  const locale = i18n.resolvedLanguage ?? "en";
  const th = "px-3 py-2 text-left font-semibold";
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("detail.linesCaption")}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
          <tr>
            <th scope="col" className={th}>
              {t("fields.kind")}
            </th>
            <th scope="col" className={th}>
              {t("fields.description")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("fields.quantity")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("fields.unitPrice")}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t("fields.amount")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {order.lines.map((l) => (
            <tr key={l.id}>
              <td className="px-3 py-2">{t(`kinds.${l.kind}`)}</td>
              <td className="px-3 py-2">
                {l.description}
                {l.quickBooksItemRef ? (
                  <span className="ml-2 text-xs text-slate-600">
                    {t("detail.linkedItem", { ref: l.quickBooksItemRef })}
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {formatQuantity(l.quantity, locale)}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">
                {formatMoney(l.unitPrice, locale)}
              </td>
              <td className="px-3 py-2 text-right tabular-nums">{formatMoney(l.amount, locale)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot className="border-t border-slate-200 font-semibold">
          <tr>
            <th scope="row" colSpan={4} className="px-3 py-2 text-right">
              {t("fields.total")}
            </th>
            <td className="px-3 py-2 text-right tabular-nums">
              {formatMoney(order.total, locale)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
