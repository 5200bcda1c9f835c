import type { Part, PartListQuery } from "@app/shared";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../../components/ui/data-table";
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
  return (
    <DataTable
      caption={t("list.caption")}
      captionHidden
      busy={busy}
      sort={sort}
      onSort={(s) => onSort(s as PartListQuery["sort"])}
      columns={[
        { key: "description", label: t("fields.description"), sortable: true },
        { key: "partNumber", label: t("fields.partNumber"), sortable: true },
        { key: "vendor", label: t("fields.vendor") },
        { key: "cost", label: t("fields.cost"), align: "end", sortable: true },
        { key: "retailCost", label: t("fields.retailCost"), align: "end", sortable: true },
        {
          key: "quantityAvailable",
          label: t("fields.quantityAvailable"),
          align: "end",
          sortable: true,
        },
        { key: "criticalQuantity", label: t("fields.criticalQuantity"), align: "end" },
      ]}
    >
      {parts.map((part) => (
        <PartRow key={part.id} part={part} />
      ))}
    </DataTable>
  );
}
