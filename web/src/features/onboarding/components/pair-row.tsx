import type { KeepableField, ProposedPair, QuantityWinner } from "@app/shared";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { formatQuantity } from "../../../lib/format-decimal";
import { useFormats } from "../../../lib/use-formats";

export interface PairChoice {
  confirmed: boolean;
  quantityFrom: QuantityWinner;
  /** Values where Shopmonkey's wins; every other differing value takes QuickBooks'. */
  keepShopmonkey: KeepableField[];
}

type Choosable = KeepableField | "quantity";
/** The values a pair can differ in that the owner chooses between, in reading order. */
export const CHOOSABLE: Choosable[] = ["name", "cost", "retailCost", "quantity"];

export const winnerOf = (choice: PairChoice, field: Choosable): QuantityWinner =>
  field === "quantity"
    ? choice.quantityFrom
    : choice.keepShopmonkey.includes(field)
      ? "shopmonkey"
      : "quickbooks";

/** The same choice with `field` taken from `side`. */
export function choose(choice: PairChoice, field: Choosable, side: QuantityWinner): PairChoice {
  if (field === "quantity") return { ...choice, quantityFrom: side };
  const rest = choice.keepShopmonkey.filter((f) => f !== field);
  return { ...choice, keepShopmonkey: side === "shopmonkey" ? [...rest, field] : rest };
}

/**
 * A proposed pair: confirm or reject it, see each value that differs on both sides, and keep
 * Shopmonkey's or QuickBooks' (QuickBooks' by default: the import that follows reads it). What
 * will change on each side is said in words: "Name: “Oil filter” → “Oil Filter - Standard”".
 */
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
  const groupId = useId();
  const { locale: lang, money } = useFormats();
  const { part, item } = pair;
  const fields = pair.differences.map((f) => t(`reconcile.fields.${f}`)).join(", ");
  const choosable = CHOOSABLE.filter((f) => pair.differences.includes(f));
  const values: Record<Choosable, [string | null, string | null]> = {
    name: [part.description, item.name],
    cost: [part.cost, item.purchaseCost],
    retailCost: [part.retailCost, item.unitPrice],
    quantity: [part.quantity, item.quantity],
  };
  const shown = (f: Choosable, v: string | null) =>
    v === null
      ? "—"
      : f === "name"
        ? `“${v}”`
        : f === "quantity"
          ? formatQuantity(v, lang)
          : money(v);
  const change = (f: Choosable, from: string | null, to: string | null) =>
    t("reconcile.change", {
      field: t(`reconcile.fields.${f}`),
      from: shown(f, from),
      to: shown(f, to),
    });
  const inShopmonkey = choosable
    .filter((f) => winnerOf(choice, f) === "quickbooks")
    .map((f) => change(f, values[f][0], values[f][1]));
  const inQuickBooks = choosable
    .filter((f) => winnerOf(choice, f) === "shopmonkey")
    .map((f) => change(f, values[f][1], values[f][0]));
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
        {choice.confirmed && inShopmonkey.length > 0 ? (
          <p className="mt-1 text-xs text-slate-800">
            {t("reconcile.willChange.shopmonkey", { changes: inShopmonkey.join("; ") })}
          </p>
        ) : null}
        {choice.confirmed && inQuickBooks.length > 0 ? (
          <p className="mt-1 text-xs text-slate-800">
            {t("reconcile.willChange.quickbooks", { changes: inQuickBooks.join("; ") })}
          </p>
        ) : null}
      </div>
      {choice.confirmed && choosable.length > 0 ? (
        <div className="space-y-2 text-sm">
          {choosable.map((f) => (
            <fieldset key={f}>
              <legend className="text-xs font-medium text-slate-700">
                {t(`reconcile.keep.${f}`, { part: part.description })}
              </legend>
              {(["quickbooks", "shopmonkey"] as const).map((side) => (
                <label key={side} className="mr-4 inline-flex items-center gap-1.5">
                  <input
                    type="radio"
                    name={`${groupId}-${f}`}
                    checked={winnerOf(choice, f) === side}
                    onChange={() => onChange(choose(choice, f, side))}
                    className="accent-navy-800"
                  />
                  {t(`reconcile.quantityFrom.${side}`, {
                    value: shown(f, values[f][side === "quickbooks" ? 1 : 0]),
                  })}
                </label>
              ))}
            </fieldset>
          ))}
        </div>
      ) : null}
    </li>
  );
}
