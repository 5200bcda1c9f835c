/** Grey bars in the table's shape while the first page loads; the status text is for screen readers. */
export function TableSkeleton({
  columns,
  rows = 8,
  label,
}: {
  columns: number;
  rows?: number;
  label: string;
}) {
  return (
    <div role="status" className="card overflow-hidden">
      <span className="sr-only">{label}</span>
      <div aria-hidden="true" className="divide-y divide-slate-100">
        {Array.from({ length: rows }, (_, r) => (
          <div key={r} className="flex gap-4 px-4 py-3">
            {Array.from({ length: columns }, (_, c) => (
              <div
                key={c}
                className={`h-4 animate-pulse rounded bg-slate-200 ${c === 0 ? "flex-[2]" : "flex-1"}`}
              />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
