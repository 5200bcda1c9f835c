import type { Part, PartListQuery } from "@app/shared";
import { useTranslation } from "react-i18next";
import { SortableHeader } from "../../../components/ui/sortable-header";
import { PartRow } from "./part-row";

interface PartsTableProps {
  parts: Part[];
  sort: PartListQuery["sort"];
  onSort: (sort: PartListQuery["sort"]) => void;
  /** A new page is loading while this one stays on screen. */
  busy: boolean;
}

export function PartsTable({ parts, sort, onSort, busy }: PartsTableProps) {
  const { t } = useTranslation("inventory");
  const header = (
    key: "description" | "partNumber" | "cost" | "retailCost" | "quantityAvailable",
    align?: "right",
  ) => (
    <SortableHeader
      label={t(`fields.${key}`)}
      sortKey={key}
      current={sort}
      onSort={(s) => onSort(s as PartListQuery["sort"])}
      align={align}
    />
  );
  const plain = (label: string, align: "left" | "right" = "left") => (
    <th
      scope="col"
      className={`px-3 py-2 font-semibold ${align === "right" ? "text-right" : "text-left"}`}
    >
      {label}
    </th>
  );
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      <table
        aria-busy={busy}
        className={`w-full text-sm transition-opacity ${busy ? "opacity-60" : ""}`}
      >
        <caption className="sr-only">{t("list.caption")}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
          <tr>
            {header("description")}
            {header("partNumber")}
            {plain(t("fields.vendor"))}
            {header("cost", "right")}
            {header("retailCost", "right")}
            {header("quantityAvailable", "right")}
            {plain(t("fields.criticalQuantity"), "right")}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {parts.map((part) => (
            <PartRow key={part.id} part={part} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
