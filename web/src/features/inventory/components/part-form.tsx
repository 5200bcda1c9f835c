import { type PartInput, type PartKind } from "@app/shared";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/ui/button";
import { SelectFilter } from "../../../components/ui/select-filter";
import { TextField } from "../../../components/ui/text-field";
import {
  formToInput,
  type PartFormErrors,
  type PartFormField,
  type PartFormValues,
} from "../hooks/part-form-values";

interface PartFormProps {
  initial: PartFormValues;
  busy: boolean;
  /** Errors the server found (400 details), shown like the form's own. */
  serverErrors?: PartFormErrors;
  onSubmit: (input: PartInput) => void;
  onCancel: () => void;
}

const DECIMALS: PartFormField[] = ["cost", "retailCost", "quantityAvailable", "criticalQuantity"];

/** Create and edit share this form; it checks with the API's own zod schema before sending. */
export function PartForm({ initial, busy, serverErrors, onSubmit, onCancel }: PartFormProps) {
  const { t } = useTranslation("inventory");
  const [values, setValues] = useState(initial);
  const [localErrors, setLocalErrors] = useState<PartFormErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const errors = { ...serverErrors, ...localErrors };
  const errorCount = Object.keys(errors).length;
  const tracked = values.kind === "inventory";

  function submit(e: FormEvent) {
    e.preventDefault();
    const result = formToInput(values);
    if (result.ok) {
      setLocalErrors({});
      onSubmit(result.input);
      return;
    }
    setLocalErrors(result.errors);
    // Focus the first invalid field after React paints its error.
    requestAnimationFrame(() =>
      formRef.current?.querySelector<HTMLElement>("[aria-invalid]")?.focus(),
    );
  }

  const field = (
    name: PartFormField,
    extra: { hint?: string; decimal?: boolean; required?: boolean } = {},
  ) => (
    <TextField
      label={t(`fields.${name === "vendorName" ? "vendor" : name}`)}
      name={name}
      value={values[name]}
      onChange={(e) => setValues({ ...values, [name]: e.target.value })}
      hint={extra.hint ?? (DECIMALS.includes(name) ? t("form.decimalHint") : undefined)}
      error={errors[name] ? t(`form.errors.${errors[name]}`) : undefined}
      inputMode={DECIMALS.includes(name) ? "decimal" : undefined}
      autoComplete="off"
      required={extra.required}
    />
  );

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="card max-w-3xl space-y-5 p-6">
      <div
        role="alert"
        className={
          errorCount > 0
            ? "rounded-lg bg-red-50 px-4 py-3 text-sm font-medium text-red-800"
            : "sr-only"
        }
      >
        {errorCount > 0 ? t("form.fixErrors", { count: errorCount }) : ""}
      </div>
      <SelectFilter<PartKind>
        label={t("fields.kind")}
        value={values.kind}
        options={[
          { value: "inventory", label: t("kinds.inventory") },
          { value: "non_inventory", label: t("kinds.non_inventory") },
        ]}
        onChange={(kind) => kind && setValues({ ...values, kind })}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        {field("description", { required: true })}
        {field("partNumber")}
        {field("vendorName", { hint: t("form.vendorHint") })}
        <div className="hidden sm:block" />
        {field("cost")}
        {field("retailCost")}
        {tracked ? field("quantityAvailable") : null}
        {tracked ? field("criticalQuantity") : null}
      </div>
      <div>
        <label htmlFor="part-note" className="block text-sm font-medium text-slate-800">
          {t("fields.note")}
        </label>
        <textarea
          id="part-note"
          rows={3}
          value={values.note}
          onChange={(e) => setValues({ ...values, note: e.target.value })}
          className="mt-1 w-full rounded-lg border border-slate-300 px-3 py-2 text-sm shadow-sm"
        />
      </div>
      <div className="flex justify-end gap-3">
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          {t("form.cancel")}
        </Button>
        <Button type="submit" disabled={busy}>
          {busy ? t("form.saving") : t("form.save")}
        </Button>
      </div>
    </form>
  );
}
