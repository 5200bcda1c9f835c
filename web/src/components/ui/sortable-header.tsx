import type { ReactNode } from "react";

interface SortableHeaderProps {
  label: ReactNode;
  /** The sort key this column sorts by; "-key" is descending. */
  sortKey: string;
  current: string;
  onSort: (sort: string) => void;
  align?: "left" | "right";
}

/** A column header that sorts: a real button inside a th carrying aria-sort. */
export function SortableHeader({ label, sortKey, current, onSort, align }: SortableHeaderProps) {
  const direction =
    current === sortKey ? "ascending" : current === `-${sortKey}` ? "descending" : "none";
  const next = direction === "ascending" ? `-${sortKey}` : sortKey;
  const arrow = direction === "ascending" ? "▲" : direction === "descending" ? "▼" : "↕";
  return (
    <th
      scope="col"
      aria-sort={direction}
      className={`px-3 py-2 font-semibold ${align === "right" ? "text-right" : "text-left"}`}
    >
      <button
        type="button"
        onClick={() => onSort(next)}
        className={`inline-flex items-center gap-1 rounded hover:text-slate-900 ${align === "right" ? "flex-row-reverse" : ""}`}
      >
        {label}
        <span
          aria-hidden="true"
          className={direction === "none" ? "text-slate-400" : "text-navy-700"}
        >
          {arrow}
        </span>
      </button>
    </th>
  );
}
