import type { ExportPreviewRow } from "@app/shared";
import { useTranslation } from "react-i18next";

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
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold">
              {t("export.columns.part")}
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              {t("export.columns.partNumber")}
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              {t("export.columns.type")}
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              {t("export.columns.plan")}
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              {t("export.columns.notes")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.partId}>
              <td className="px-4 py-2 font-medium text-slate-900">{r.description}</td>
              <td className="px-4 py-2 text-slate-700">{r.partNumber || "—"}</td>
              <td className="px-4 py-2 text-slate-700">{t(`export.types.${r.itemType}`)}</td>
              <td className="px-4 py-2">
                <span
                  className={`rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${planStyle[r.plan]}`}
                >
                  {t(`export.plans.${r.plan}`)}
                </span>
              </td>
              <td className="px-4 py-2 text-slate-700">
                {notes(r).map((n) => (
                  <span key={n} className="block">
                    {n}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
