import type { ExportPreviewRow } from "@app/shared";
import { useTranslation } from "react-i18next";
import { useErrorMessage } from "../../../lib/use-error-message";
import { Cell, DataTable } from "../../../components/ui/data-table";

const planStyle: Record<ExportPreviewRow["plan"], string> = {
  create: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  link_existing: "bg-sky-50 text-sky-800 ring-sky-200",
  skip: "bg-amber-50 text-amber-900 ring-amber-200",
};

/**
 * Each part and what the export will do with it. A link says which item it links to (not a
 * warning); a skip says why, and a skip for the name alone offers to link to that item.
 */
export function ExportPreviewTable({
  rows,
  linkByName,
  onToggleLink,
}: {
  rows: ExportPreviewRow[];
  linkByName: readonly string[];
  onToggleLink: (partId: string) => void;
}) {
  const { t } = useTranslation("onboarding");
  const errorMessage = useErrorMessage();
  const notes = (r: ExportPreviewRow) =>
    r.plan === "link_existing" && r.linkTo
      ? [t("export.willLink", { name: r.linkTo.name })]
      : [
          r.reasonCode ? errorMessage({ reason: r.reasonCode, params: r.reasonParams }) : r.reason,
          r.nameTakenBy && !r.reason
            ? t("export.nameTaken", { name: r.nameTakenBy.name })
            : undefined,
          r.skuTakenBy.length > 0
            ? t("export.skuTaken", { names: r.skuTakenBy.map((i) => `“${i.name}”`).join(", ") })
            : undefined,
        ].filter((n): n is string => !!n);
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
            {r.nameTakenBy && (r.canLinkByName || linkByName.includes(r.partId)) ? (
              <button
                type="button"
                onClick={() => onToggleLink(r.partId)}
                className="mt-1 text-left text-xs font-medium text-navy-800 underline underline-offset-2"
              >
                {linkByName.includes(r.partId)
                  ? t("export.skipInstead")
                  : t("export.linkByName", { name: r.nameTakenBy.name })}
              </button>
            ) : null}
          </Cell>
        </tr>
      ))}
    </DataTable>
  );
}
