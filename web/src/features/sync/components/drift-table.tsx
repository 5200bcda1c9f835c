import type { DriftAction, DriftField, DriftRow } from "@app/shared";
import { useTranslation } from "react-i18next";
import { useSyncFormat } from "./use-sync-format";

const FIELDS: DriftField[] = ["quantity", "cost", "retailCost"];

interface Props {
  rows: DriftRow[];
  selected: ReadonlySet<string>;
  onSelect: (partId: string, on: boolean) => void;
  onSelectAll: (on: boolean) => void;
  onAction: (action: DriftAction, partIds: string[]) => void;
  disabled: boolean;
  canManage: boolean;
}

/** Our value over QuickBooks' in each cell; a differing cell is tinted and says so in words. */
export function DriftTable({
  rows,
  selected,
  onSelect,
  onSelectAll,
  onAction,
  disabled,
  canManage,
}: Props) {
  const { t } = useTranslation("sync");
  const fmt = useSyncFormat();
  const allOn = rows.length > 0 && rows.every((r) => selected.has(r.partId));
  return (
    <div>
      <p className="mb-2 text-xs text-slate-600">{t("drift.legend")}</p>
      <div className="overflow-x-auto rounded-lg border border-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-700">
            <tr>
              {canManage ? (
                <th scope="col" className="w-10 px-3 py-2">
                  <input
                    type="checkbox"
                    aria-label={t("drift.selectAll")}
                    checked={allOn}
                    onChange={(e) => onSelectAll(e.target.checked)}
                  />
                </th>
              ) : null}
              <th scope="col" className="px-3 py-2">
                {t("drift.columns.part")}
              </th>
              {FIELDS.map((f) => (
                <th key={f} scope="col" className="px-3 py-2 text-right">
                  {t(`drift.columns.${f}`)}
                </th>
              ))}
              {canManage ? (
                <th scope="col" className="px-3 py-2">
                  {t("drift.columns.actions")}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 bg-white">
            {rows.map((row) => (
              <tr key={row.partId}>
                {canManage ? (
                  <td className="px-3 py-2">
                    <input
                      type="checkbox"
                      aria-label={t("drift.selectRow", { part: row.description })}
                      checked={selected.has(row.partId)}
                      onChange={(e) => onSelect(row.partId, e.target.checked)}
                    />
                  </td>
                ) : null}
                <th scope="row" className="px-3 py-2 text-left font-medium text-slate-900">
                  {row.description}
                  <span className="block text-xs font-normal text-slate-600">
                    {row.partNumber || "—"} · QuickBooks #{row.quickBooksItemRef}
                  </span>
                </th>
                {FIELDS.map((f) => {
                  const differs = row.differences.includes(f);
                  return (
                    <td
                      key={f}
                      className={`px-3 py-2 text-right tabular-nums ${differs ? "bg-amber-50 font-semibold text-amber-950" : "text-slate-700"}`}
                    >
                      <span className="block">
                        <span className="sr-only">{t("drift.ours")}: </span>
                        {fmt.number(row.shopmonkey[f])}
                      </span>
                      <span className="block text-xs font-normal text-slate-600">
                        <span className="sr-only">{t("drift.theirs")}: </span>
                        {row.quickBooks ? fmt.number(row.quickBooks[f]) : t("drift.gone")}
                      </span>
                      {differs ? <span className="sr-only"> {t("drift.differs")}</span> : null}
                    </td>
                  );
                })}
                {canManage ? (
                  <td className="px-3 py-2">
                    <div className="flex flex-col gap-1">
                      <button
                        type="button"
                        disabled={disabled || !row.quickBooks}
                        onClick={() => onAction("take_quickbooks", [row.partId])}
                        className="text-left text-xs font-medium text-navy-900 underline underline-offset-2 disabled:opacity-60"
                      >
                        {t("drift.take")}
                      </button>
                      <button
                        type="button"
                        disabled={disabled || !row.quickBooks}
                        onClick={() => onAction("push_shopmonkey", [row.partId])}
                        className="text-left text-xs font-medium text-navy-900 underline underline-offset-2 disabled:opacity-60"
                      >
                        {t("drift.push")}
                      </button>
                    </div>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
