import type { DriftAction, DriftField, DriftRow } from "@app/shared";
import { useTranslation } from "react-i18next";
import { Cell, type Column, DataTable } from "../../../components/ui/data-table";
import { useSyncFormat } from "./use-sync-format";

const FIELDS: DriftField[] = ["quantity", "cost", "retailCost"];

interface Props {
  rows: DriftRow[];
  selected: ReadonlySet<string>;
  onSelect: (partId: string, on: boolean) => void;
  onSelectAll: (on: boolean) => void;
  onAction: (action: DriftAction, partIds: string[], fields: DriftField[]) => void;
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
  const selectAll = (
    <input
      type="checkbox"
      aria-label={t("drift.selectAll")}
      checked={allOn}
      onChange={(e) => onSelectAll(e.target.checked)}
    />
  );
  const columns: Column[] = [
    ...(canManage ? [{ key: "select", label: selectAll, className: "w-10" }] : []),
    { key: "part", label: t("drift.columns.part") },
    ...FIELDS.map((f): Column => ({ key: f, label: t(`drift.columns.${f}`), align: "end" })),
    ...(canManage ? [{ key: "actions", label: t("drift.columns.actions") }] : []),
  ];
  return (
    <div>
      <p className="mb-2 text-xs text-slate-600">{t("drift.legend")}</p>
      <DataTable columns={columns}>
        {rows.map((row) => (
          <tr key={row.partId}>
            {canManage ? (
              <Cell>
                <input
                  type="checkbox"
                  aria-label={t("drift.selectRow", { part: row.description })}
                  checked={selected.has(row.partId)}
                  onChange={(e) => onSelect(row.partId, e.target.checked)}
                />
              </Cell>
            ) : null}
            <Cell rowHeader className="font-medium text-slate-900">
              {row.description}
              <span className="block text-xs font-normal text-slate-600">
                {row.partNumber || "—"} · QuickBooks #{row.quickBooksItemRef}
              </span>
            </Cell>
            {FIELDS.map((f) => {
              const differs = row.differences.includes(f);
              return (
                <Cell
                  key={f}
                  align="end"
                  className={
                    differs ? "bg-amber-50 font-semibold text-amber-950" : "text-slate-700"
                  }
                >
                  <span className="block">
                    <span className="sr-only">{t("drift.ours")}: </span>
                    {fmt.value(f, row.shopmonkey[f])}
                  </span>
                  <span className="block text-xs font-normal text-slate-600">
                    <span className="sr-only">{t("drift.theirs")}: </span>
                    {row.quickBooks ? fmt.value(f, row.quickBooks[f]) : t("drift.gone")}
                  </span>
                  {differs ? <span className="sr-only"> {t("drift.differs")}</span> : null}
                </Cell>
              );
            })}
            {canManage ? (
              <Cell>
                <RowFixes row={row} disabled={disabled} onAction={onAction} />
              </Cell>
            ) : null}
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

const LINK =
  "text-left text-xs font-medium text-navy-900 underline underline-offset-2 disabled:opacity-60";

/** Only the fixes that can work for this row, and in words why another cannot. */
function RowFixes({
  row,
  disabled,
  onAction,
}: {
  row: DriftRow;
  disabled: boolean;
  onAction: Props["onAction"];
}) {
  const { t } = useTranslation("sync");
  const { take_quickbooks: take, push_shopmonkey: push } = row.fixes;
  return (
    <div className="flex max-w-56 flex-col gap-1">
      {take.length > 0 ? (
        <button
          type="button"
          disabled={disabled}
          onClick={() => onAction("take_quickbooks", [row.partId], take)}
          className={LINK}
        >
          {t("drift.take")}
        </button>
      ) : null}
      {push.length > 0 ? (
        <button
          type="button"
          disabled={disabled}
          onClick={() => onAction("push_shopmonkey", [row.partId], push)}
          className={LINK}
        >
          {t("drift.push")}
        </button>
      ) : null}
      {row.blocked.map((b) => (
        <p key={b.field} className="text-xs text-slate-600">
          {t(`drift.blocked.${b.reason}`, { field: t(`drift.columns.${b.field}`) })}
        </p>
      ))}
    </div>
  );
}
