import type { ExportPreviewRow } from "@app/shared";
import { useTranslation } from "react-i18next";
import { Cell, DataTable } from "../../../components/ui/data-table";

const planStyle: Record<ExportPreviewRow["plan"], string> = {
  create: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  link_existing: "bg-sky-50 text-sky-800 ring-sky-200",
  skip: "bg-amber-50 text-amber-900 ring-amber-200",
};

/** Each part and what the export will do with it; names and SKUs QuickBooks has are flagged. */
export function ExportPreviewTable({ rows }: { rows: ExportPreviewRow[] }) {
  const { t } = useTranslation("onboarding");
  const notes = (r: ExportPreviewRow) =>
    [
      r.reason,
      r.nameTakenBy && !r.reason ? t("export.nameTaken", { name: r.nameTakenBy.name }) : undefined,
      r.skuTakenBy.length > 0
        ? t("export.skuTaken", { names: r.skuTakenBy.map((i) => `“${i.name}”`).join(", ") })
        : undefined,
    ].filter(Boolean);
  return (
    <DataTable
      columns={[
        { key: "part", label: t("export.columns.part") },
        { key: "partNumber", label: t("export.columns.partNumber") },
        { key: "type", label: t("export.columns.type") },
        { key: "plan", label: t("export.columns.plan") },
        { key: "notes", label: t("export.columns.notes") },
      ]}
    >
      {rows.map((r) => (
        <tr key={r.partId}>
          <Cell className="font-medium text-slate-900">{r.description}</Cell>
          <Cell className="text-slate-700">{r.partNumber || "—"}</Cell>
          <Cell className="text-slate-700">{t(`export.types.${r.itemType}`)}</Cell>
          <Cell>
            <span
              className={`rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${planStyle[r.plan]}`}
            >
              {t(`export.plans.${r.plan}`)}
            </span>
          </Cell>
          <Cell className="text-slate-700">
            {notes(r).map((n) => (
              <span key={n} className="block">
                {n}
              </span>
            ))}
          </Cell>
        </tr>
      ))}
    </DataTable>
  );
}
