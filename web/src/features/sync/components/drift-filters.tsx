import type { DriftField, DriftQuery } from "@app/shared";
import { useId } from "react";
import { useTranslation } from "react-i18next";

const control =
  "rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-navy-900";

/** Show only differences or all linked parts, by field, by text. */
export function DriftFilters({
  query,
  onChange,
}: {
  query: DriftQuery;
  onChange: (q: DriftQuery) => void;
}) {
  const { t } = useTranslation("sync");
  const ids = { show: useId(), field: useId(), search: useId() };
  return (
    <div className="flex flex-wrap items-end gap-3">
      <label htmlFor={ids.show} className="flex flex-col gap-1 text-xs font-medium text-slate-700">
        {t("drift.show")}
        <select
          id={ids.show}
          className={control}
          value={query.show}
          onChange={(e) =>
            onChange({ ...query, show: e.target.value === "all" ? "all" : "different" })
          }
        >
          <option value="different">{t("drift.showDifferent")}</option>
          <option value="all">{t("drift.showAll")}</option>
        </select>
      </label>
      <label htmlFor={ids.field} className="flex flex-col gap-1 text-xs font-medium text-slate-700">
        {t("drift.field")}
        <select
          id={ids.field}
          className={control}
          value={query.field ?? ""}
          onChange={(e) =>
            onChange({ ...query, field: (e.target.value || undefined) as DriftField | undefined })
          }
        >
          <option value="">{t("drift.anyField")}</option>
          <option value="quantity">{t("drift.columns.quantity")}</option>
          <option value="cost">{t("drift.columns.cost")}</option>
          <option value="retailCost">{t("drift.columns.retailCost")}</option>
        </select>
      </label>
      <label
        htmlFor={ids.search}
        className="flex flex-col gap-1 text-xs font-medium text-slate-700"
      >
        {t("drift.search")}
        <input
          id={ids.search}
          type="search"
          className={control}
          defaultValue={query.search ?? ""}
          onKeyDown={(e) => {
            if (e.key === "Enter")
              onChange({ ...query, search: e.currentTarget.value.trim() || undefined });
          }}
          onBlur={(e) => onChange({ ...query, search: e.currentTarget.value.trim() || undefined })}
        />
      </label>
    </div>
  );
}
