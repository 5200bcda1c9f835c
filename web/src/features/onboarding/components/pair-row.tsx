import type { ProposedPair, QuantityWinner } from "@app/shared";
import { useId } from "react";
import { useTranslation } from "react-i18next";

export interface PairChoice {
  confirmed: boolean;
  quantityFrom: QuantityWinner;
}

/** A proposed pair: confirm or reject it, see what differs, and pick the quantity to keep. */
export function PairRow({
  pair,
  choice,
  onChange,
}: {
  pair: ProposedPair;
  choice: PairChoice;
  onChange: (c: PairChoice) => void;
}) {
  const { t } = useTranslation("onboarding");
  const qtyName = useId();
  const { part, item } = pair;
  const fields = pair.differences.map((f) => t(`reconcile.fields.${f}`)).join(", ");
  const showQuantity = choice.confirmed && pair.differences.includes("quantity");
  return (
    <li className="grid gap-2 py-3 sm:grid-cols-[auto_1fr_1fr] sm:items-start sm:gap-4">
      <input
        type="checkbox"
        className="mt-1 size-4 accent-navy-800"
        checked={choice.confirmed}
        onChange={(e) => onChange({ ...choice, confirmed: e.target.checked })}
        aria-label={t("reconcile.confirmPair", { part: part.description, item: item.name })}
      />
      <div className="text-sm">
        <p className="font-medium text-slate-900">
          {part.description}
          {part.partNumber ? <span className="ml-2 text-slate-600">{part.partNumber}</span> : null}
        </p>
        <p className="text-slate-700">
          ↔ {item.name}
          {item.sku ? <span className="ml-2 text-slate-600">{item.sku}</span> : null}
        </p>
        <p className="text-xs text-slate-600">
          {t(`reconcile.matchedBy.${pair.matchedBy}`)} ·{" "}
          {fields ? t("reconcile.differs", { fields }) : t("reconcile.same")}
        </p>
      </div>
      {showQuantity ? (
        <fieldset className="text-sm">
          <legend className="text-xs font-medium text-slate-700">
            {t("reconcile.keepQuantity", { part: part.description })}
          </legend>
          {(["quickbooks", "shopmonkey"] as const).map((side) => (
            <label key={side} className="mr-4 inline-flex items-center gap-1.5">
              <input
                type="radio"
                name={qtyName}
                checked={choice.quantityFrom === side}
                onChange={() => onChange({ ...choice, quantityFrom: side })}
                className="accent-navy-800"
              />
              {t(`reconcile.quantityFrom.${side}`, {
                qty: side === "quickbooks" ? item.quantity : part.quantity,
              })}
            </label>
          ))}
        </fieldset>
      ) : null}
    </li>
  );
}
