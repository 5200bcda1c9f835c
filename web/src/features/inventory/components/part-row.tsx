import type { Part } from "@app/shared";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { QuickBooksLinkIcon } from "../../../components/ui/quickbooks-link-icon";
import { compareDecimals, formatQuantity } from "../../../lib/format-decimal";
import { useFormats } from "../../../lib/use-formats";

/** Quantity at or below the critical quantity (only for parts that track stock). */
export function isLowStock(part: Pick<Part, "quantityAvailable" | "criticalQuantity">): boolean {
  const { quantityAvailable: q, criticalQuantity: c } = part;
  return q !== null && c !== null && compareDecimals(q, c) <= 0;
}

export function LowStockBadge() {
  const { t } = useTranslation("inventory");
  return (
    <span className="inline-flex items-center gap-1 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-amber-300">
      <span aria-hidden="true">▼</span>
      {t("lowStock")}
    </span>
  );
}

export function PartRow({ part }: { part: Part }) {
  const { t } = useTranslation("inventory");
  const { locale, money } = useFormats();
  const low = isLowStock(part);
  const muted = <span className="text-slate-500">—</span>;
  return (
    <tr className={low ? "bg-amber-50/70" : "hover:bg-slate-50"}>
      <td className="group px-3 py-2.5">
        <div className="flex items-center gap-2">
          <Link to={`/inventory/${part.id}`} className="font-medium text-navy-800 hover:underline">
            {part.description}
          </Link>
          {part.quickBooksItemRef !== null ? (
            <QuickBooksLinkIcon label={t("synced", { ref: part.quickBooksItemRef })} />
          ) : null}
        </div>
      </td>
      <td className="px-3 py-2.5 font-mono text-xs text-slate-700">{part.partNumber || muted}</td>
      <td className="px-3 py-2.5 text-slate-700">{part.vendor?.name ?? muted}</td>
      <td className="px-3 py-2.5 text-right tabular-nums">{money(part.cost)}</td>
      <td className="px-3 py-2.5 text-right tabular-nums">{money(part.retailCost)}</td>
      <td className="px-3 py-2.5 text-right tabular-nums">
        {part.quantityAvailable === null ? (
          <span className="text-slate-500">{t("notTracked")}</span>
        ) : (
          <span className="inline-flex items-center justify-end gap-2">
            {low ? <LowStockBadge /> : null}
            <span className={low ? "font-semibold text-amber-900" : ""}>
              {formatQuantity(part.quantityAvailable, locale)}
            </span>
          </span>
        )}
      </td>
      <td className="px-3 py-2.5 text-right tabular-nums">
        {part.criticalQuantity === null ? muted : formatQuantity(part.criticalQuantity, locale)}
      </td>
    </tr>
  );
}
