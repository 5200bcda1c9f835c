import type { PartKind, PartListQuery } from "@app/shared";
import { useTranslation } from "react-i18next";
import { SearchBox } from "../../../components/ui/search-box";
import { SelectFilter } from "../../../components/ui/select-filter";

interface InventoryFiltersProps {
  query: PartListQuery;
  onChange: (change: Partial<PartListQuery>) => void;
}

type LinkChoice = "linked" | "unlinked";

/** Search, type, QuickBooks link and low stock; every change lands in the URL. */
export function InventoryFilters({ query, onChange }: InventoryFiltersProps) {
  const { t } = useTranslation("inventory");
  const link: LinkChoice | "" =
    query.linked === undefined ? "" : query.linked ? "linked" : "unlinked";
  return (
    <div className="mb-4 flex flex-wrap items-center gap-3">
      <SearchBox
        label={t("list.search")}
        placeholder={t("list.searchPlaceholder")}
        value={query.search ?? ""}
        onSearch={(search) => onChange({ search: search || undefined })}
      />
      <SelectFilter<PartKind>
        label={t("list.kind")}
        value={query.kind ?? ""}
        options={[
          { value: "", label: t("list.allKinds") },
          { value: "inventory", label: t("kinds.inventory") },
          { value: "non_inventory", label: t("kinds.non_inventory") },
        ]}
        onChange={(kind) => onChange({ kind: kind || undefined })}
      />
      <SelectFilter<LinkChoice>
        label={t("list.linked")}
        value={link}
        options={[
          { value: "", label: t("list.allLinks") },
          { value: "linked", label: t("list.linkedOnly") },
          { value: "unlinked", label: t("list.unlinkedOnly") },
        ]}
        onChange={(v) => onChange({ linked: v === "" ? undefined : v === "linked" })}
      />
      <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
        <input
          type="checkbox"
          checked={query.lowStock ?? false}
          onChange={(e) => onChange({ lowStock: e.target.checked || undefined })}
          className="size-4 rounded border-slate-300 accent-navy-700"
        />
        {t("list.lowStockOnly")}
      </label>
    </div>
  );
}
