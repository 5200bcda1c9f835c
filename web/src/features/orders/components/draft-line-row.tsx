import type { Part } from "@app/shared";
import { useTranslation } from "react-i18next";
import { useFormats } from "../../../lib/use-formats";
import { type DraftLine, previewAmount } from "../hooks/order-draft";

interface DraftLineRowProps {
  index: number;
  line: DraftLine;
  parts: readonly Part[];
  errors: Record<string, string>;
  onChange: (line: DraftLine) => void;
  onRemove: () => void;
}

const input = "w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm";

/** One editable line; every input has its own label (visually hidden in the grid). */
export function DraftLineRow({
  index,
  line,
  parts,
  errors,
  onChange,
  onRemove,
}: DraftLineRowProps) {
  const { t } = useTranslation("orders");
  const { money } = useFormats();
  const n = index + 1;
  const amount = previewAmount(line);
  const err = (field: string) => errors[`body.lines.${index}.${field}`];
  const id = (field: string) => `${line.key}-${field}`;
  const described = (field: string) =>
    err(field) ? { "aria-describedby": id(`${field}-error`), "aria-invalid": true } : {};
  const errorText = (field: string) =>
    err(field) ? (
      <p id={id(`${field}-error`)} className="mt-1 text-xs font-medium text-red-700">
        {err(field)}
      </p>
    ) : null;
  return (
    <tr className="align-top">
      <td className="px-2 py-2 text-sm text-slate-700">{t(`kinds.${line.kind}`)}</td>
      <td className="px-2 py-2">
        {line.kind === "part" ? (
          <>
            <label htmlFor={id("part")} className="sr-only">
              {t("editor.partLabel", { n })}
            </label>
            <select
              id={id("part")}
              className={input}
              value={line.partId}
              {...described("partId")}
              onChange={(e) => {
                const part = parts.find((p) => p.id === e.target.value);
                onChange({
                  ...line,
                  partId: e.target.value,
                  description: part?.description ?? "",
                  unitPrice: part?.retailCost ?? line.unitPrice,
                });
              }}
            >
              <option value="">{t("editor.choosePart")}</option>
              {parts.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.quantityAvailable === null
                    ? p.description
                    : t("editor.partOption", {
                        name: p.description,
                        quantity: p.quantityAvailable,
                      })}
                </option>
              ))}
            </select>
            {errorText("partId")}
          </>
        ) : (
          <>
            <label htmlFor={id("description")} className="sr-only">
              {t("editor.descriptionLabel", { n })}
            </label>
            <input
              id={id("description")}
              className={input}
              value={line.description}
              {...described("description")}
              onChange={(e) => onChange({ ...line, description: e.target.value })}
            />
            {errorText("description")}
          </>
        )}
      </td>
      <td className="px-2 py-2">
        <label htmlFor={id("quantity")} className="sr-only">
          {t("editor.quantityLabel", { n })}
        </label>
        <input
          id={id("quantity")}
          inputMode="decimal"
          className={`${input} text-right`}
          value={line.quantity}
          {...described("quantity")}
          onChange={(e) => onChange({ ...line, quantity: e.target.value })}
        />
        {errorText("quantity")}
      </td>
      <td className="px-2 py-2">
        <label htmlFor={id("unitPrice")} className="sr-only">
          {t("editor.unitPriceLabel", { n })}
        </label>
        <input
          id={id("unitPrice")}
          inputMode="decimal"
          className={`${input} text-right`}
          value={line.unitPrice}
          {...described("unitPrice")}
          onChange={(e) => onChange({ ...line, unitPrice: e.target.value })}
        />
        {errorText("unitPrice")}
      </td>
      <td className="px-2 py-2 text-right text-sm tabular-nums">
        {amount === null ? "—" : money(amount)}
      </td>
      <td className="px-2 py-2 text-right">
        <button
          type="button"
          onClick={onRemove}
          className="rounded px-2 py-1 text-sm text-red-700 hover:bg-red-50"
        >
          {t("editor.remove")}
          <span className="sr-only"> {t("editor.lineN", { n })}</span>
        </button>
      </td>
    </tr>
  );
}
