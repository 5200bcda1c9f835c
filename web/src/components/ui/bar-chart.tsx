import { useId } from "react";

export interface BarSeries {
  key: string;
  label: string;
  /** A Tailwind fill class, e.g. "fill-emerald-600"; the legend uses the matching bg class. */
  fill: string;
  swatch: string;
}

export interface BarChartProps {
  title: string;
  /** The text alternative: what the picture says, in a sentence or two. */
  description: string;
  series: readonly BarSeries[];
  /** One bar per point, its series stacked bottom to top. */
  points: readonly { label: string; values: Record<string, number> }[];
  /** A dashed horizontal line (e.g. the daily share of a budget), with its label. */
  reference?: { value: number; label: string; offScaleLabel: string };
  /** Caption of the data table (the same numbers as the bars, for reading or copying). */
  tableLabel: string;
  formatNumber: (n: number) => string;
  /** Shown under the title while there are no points (the description says it to readers too). */
  emptyText?: string;
}

const W = 600;
const H = 160;
const PAD = 4;

/**
 * A small stacked bar chart in plain SVG: an image with a title and a description for screen
 * readers, a legend, and the numbers as a table under "Show the numbers". No chart library:
 * a few bars don't need one, and nothing here depends on one being kept up to date.
 */
export function BarChart(props: BarChartProps) {
  const { title, description, series, points, reference, tableLabel, formatNumber, emptyText } =
    props;
  const titleId = useId();
  const descId = useId();
  const totals = points.map((p) => series.reduce((n, s) => n + (p.values[s.key] ?? 0), 0));
  const top = Math.max(1, ...totals);
  // A reference far above every bar would flatten them all: then it is named, not drawn.
  const drawn = reference && reference.value <= top * 2 ? reference : undefined;
  const max = Math.max(top, drawn?.value ?? 0);
  const slot = (W - PAD * 2) / Math.max(points.length, 1);
  const bar = Math.max(2, Math.min(40, slot * 0.7));
  const y = (v: number) => H - PAD - (v / max) * (H - PAD * 2);

  return (
    <figure className="card p-4">
      <figcaption className="text-sm font-semibold text-slate-900">{title}</figcaption>
      {points.length === 0 && emptyText ? (
        <p className="mt-1 text-xs text-slate-600" aria-hidden="true">
          {emptyText}
        </p>
      ) : null}
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        className="mt-3 h-40 w-full"
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        <line x1={0} x2={W} y1={H - PAD} y2={H - PAD} className="stroke-slate-300" />
        {points.map((p, i) => {
          let base = 0;
          const x = PAD + slot * i + (slot - bar) / 2;
          return (
            <g key={`${p.label}-${i}`}>
              {series.map((s) => {
                const v = p.values[s.key] ?? 0;
                if (v <= 0) return null;
                const top = y(base + v);
                const height = y(base) - top;
                base += v;
                return (
                  <rect key={s.key} x={x} y={top} width={bar} height={height} className={s.fill} />
                );
              })}
            </g>
          );
        })}
        {drawn ? (
          <line
            x1={0}
            x2={W}
            y1={y(drawn.value)}
            y2={y(drawn.value)}
            strokeDasharray="6 4"
            className="stroke-amber-600"
          />
        ) : null}
      </svg>
      <ul className="mt-2 flex flex-wrap gap-4 text-xs text-slate-700" aria-hidden="true">
        {series.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <span className={`inline-block size-3 rounded-sm ${s.swatch}`} />
            {s.label}
          </li>
        ))}
        {reference ? (
          <li className="flex items-center gap-1.5">
            {drawn ? (
              <span className="inline-block h-0 w-4 border-t-2 border-dashed border-amber-600" />
            ) : null}
            {drawn ? reference.label : reference.offScaleLabel}
          </li>
        ) : null}
      </ul>
      <details className="mt-2 text-xs">
        <summary className="cursor-pointer text-slate-700">{tableLabel}</summary>
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium" />
              {series.map((s) => (
                <th key={s.key} scope="col" className="py-1 pr-3 font-medium">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={`${p.label}-${i}`} className="border-t border-slate-100">
                <th scope="row" className="py-1 pr-3 font-normal">
                  {p.label}
                </th>
                {series.map((s) => (
                  <td key={s.key} className="py-1 pr-3 tabular-nums">
                    {formatNumber(p.values[s.key] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
