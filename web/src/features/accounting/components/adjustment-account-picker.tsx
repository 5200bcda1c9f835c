import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useAdjustmentAccounts } from "../api/get-adjustment-accounts";

/**
 * The account QuickBooks books stock adjustments against (a count sent from Shopmonkey). Empty
 * means QuickBooks' usual one (Inventory Shrinkage, else Cost of Goods Sold), named here.
 */
export function AdjustmentAccountPicker({
  value,
  disabled,
  error,
  onChange,
}: {
  value: string | null;
  disabled: boolean;
  error?: string;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation("accounting");
  const accounts = useAdjustmentAccounts();
  const id = useId();
  const helpId = `${id}-help`;
  const items = accounts.data?.items ?? [];
  const fallback = items.find((a) => a.id === accounts.data?.defaultId);
  const known = value === null || items.some((a) => a.id === value);
  return (
    <fieldset className="card space-y-3 p-5">
      <legend className="px-1 text-sm font-semibold text-slate-900">
        {t("adjustmentAccount.title")}
      </legend>
      <p id={helpId} className="text-sm text-slate-600">
        {t("adjustmentAccount.help")}
      </p>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {t("adjustmentAccount.label")}
      </label>
      <select
        id={id}
        value={value ?? ""}
        disabled={disabled}
        aria-describedby={helpId}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value || null)}
        className={`w-full rounded-lg border bg-white px-3 py-2 text-sm shadow-sm ${error ? "border-red-600" : "border-slate-300"}`}
      >
        <option value="">
          {accounts.isPending
            ? t("adjustmentAccount.loading")
            : fallback
              ? t("adjustmentAccount.default", { name: fallback.name })
              : t("adjustmentAccount.noDefault")}
        </option>
        {known ? null : <option value={value ?? ""}>{value}</option>}
        {items.map((a) => (
          <option key={a.id} value={a.id}>
            {`${a.name} (${a.type})`}
          </option>
        ))}
      </select>
      {error ? <p className="text-xs font-medium text-red-700">{error}</p> : null}
    </fieldset>
  );
}
