import type { QuickBooksItemOption } from "@app/shared";
import { useId } from "react";

interface CategoryPickerProps {
  label: string;
  value: string | null;
  items: readonly QuickBooksItemOption[];
  placeholder: string;
  typeLabel: (type: string) => string;
  disabled?: boolean;
  error?: string;
  onChange: (id: string | null) => void;
}

/** One sales category's QuickBooks item: a labelled native select (keyboard for free). */
export function CategoryPicker(props: CategoryPickerProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const known = props.value === null || props.items.some((i) => i.id === props.value);
  return (
    <div className="grid gap-1 sm:grid-cols-3 sm:items-center sm:gap-4">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {props.label}
      </label>
      <div className="sm:col-span-2">
        <select
          id={id}
          value={props.value ?? ""}
          disabled={props.disabled}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={props.error ? errorId : undefined}
          onChange={(e) => props.onChange(e.target.value || null)}
          className={`w-full rounded-lg border bg-white px-3 py-2 text-sm shadow-sm ${props.error ? "border-red-600" : "border-slate-300"}`}
        >
          <option value="">{props.placeholder}</option>
          {known ? null : <option value={props.value ?? ""}>{props.value}</option>}
          {props.items.map((item) => (
            <option key={item.id} value={item.id}>
              {`${item.name} (${props.typeLabel(item.type)})`}
            </option>
          ))}
        </select>
        {props.error ? (
          <p id={errorId} className="mt-1 text-xs font-medium text-red-700">
            {props.error}
          </p>
        ) : null}
      </div>
    </div>
  );
}
