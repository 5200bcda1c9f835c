import type { ReactNode, TdHTMLAttributes } from "react";
import { SortableHeader } from "./sortable-header";

export type Align = "start" | "end";

export interface Column {
  key: string;
  label: ReactNode;
  /** "end" for numbers: right-aligned, like the cells under it. */
  align?: Align;
  /** Extra classes on the header cell (a width, say). */
  className?: string;
  /** Sorts by its key through the table's sort and onSort. */
  sortable?: boolean;
}

interface DataTableProps {
  columns: Column[];
  /** The table's accessible name; visible unless captionHidden. */
  caption?: ReactNode;
  captionHidden?: boolean;
  /** A new page is loading while this one stays on screen (sets aria-busy and fades). */
  busy?: boolean;
  sort?: string;
  onSort?: (sort: string) => void;
  /** The rows, usually <tr>s of <Cell>s. */
  children: ReactNode;
  /** Rows for a <tfoot> (totals). */
  footer?: ReactNode;
}

const alignClass = (align: Align | undefined) => (align === "end" ? "text-right" : "text-left");

/** A read-only table in a bordered scroll frame; the caller renders the rows. */
export function DataTable({
  columns,
  caption,
  captionHidden,
  busy,
  sort,
  onSort,
  children,
  footer,
}: DataTableProps) {
  return (
    <div className="card overflow-x-auto">
      <table aria-busy={busy} className={`w-full text-sm ${busy ? "opacity-60" : ""}`}>
        {caption ? (
          <caption
            className={
              captionHidden ? "sr-only" : "px-3 py-2 text-left font-semibold text-slate-900"
            }
          >
            {caption}
          </caption>
        ) : null}
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-600">
          <tr>
            {columns.map((c) =>
              c.sortable && sort !== undefined && onSort ? (
                <SortableHeader
                  key={c.key}
                  label={c.label}
                  sortKey={c.key}
                  current={sort}
                  onSort={onSort}
                  align={c.align === "end" ? "right" : "left"}
                />
              ) : (
                <th
                  key={c.key}
                  scope="col"
                  className={`px-3 py-2 font-semibold ${alignClass(c.align)} ${c.className ?? ""}`}
                >
                  {c.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
        {footer ? (
          <tfoot className="border-t border-slate-200 font-semibold">{footer}</tfoot>
        ) : null}
      </table>
    </div>
  );
}

interface CellProps extends Omit<TdHTMLAttributes<HTMLTableCellElement>, "align"> {
  /** "end" for numbers: right-aligned with tabular figures. */
  align?: Align;
  /** A <th scope="row"> naming the row, instead of a <td>. */
  rowHeader?: boolean;
}

/** One cell of a DataTable row, with the table's padding and alignment. */
export function Cell({ align, rowHeader, className, ...rest }: CellProps) {
  const classes = `px-3 py-2 ${align === "end" ? "text-right tabular-nums" : "text-left"} ${className ?? ""}`;
  return rowHeader ? (
    <th scope="row" className={classes} {...rest} />
  ) : (
    <td className={classes} {...rest} />
  );
}
