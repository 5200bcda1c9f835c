import { useId } from "react";

interface SelectFilterProps<V extends string> {
  label: string;
  value: V | "";
  options: readonly { value: V | ""; label: string }[];
  onChange: (value: V | "") => void;
}

/** A labelled native select: keyboard and screen-reader behaviour come for free. */
export function SelectFilter<V extends string>({
  label,
  value,
  options,
  onChange,
}: SelectFilterProps<V>) {
  const id = useId();
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="font-medium text-slate-700">
        {label}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value as V | "")}
        className="rounded-lg border border-slate-300 bg-white px-2 py-2 shadow-sm"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
