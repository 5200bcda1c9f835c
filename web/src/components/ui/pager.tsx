import { Button } from "./button";

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  labels: { nav: string; previous: string; next: string; range: string };
}

/** Previous / next with "51–100 of 2,340"; the range is announced politely when it changes. */
export function Pager({ page, pageSize, total, onPage, labels }: PagerProps) {
  const last = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav aria-label={labels.nav} className="mt-4 flex items-center justify-between gap-4 text-sm">
      <p aria-live="polite" className="text-slate-600">
        {labels.range}
      </p>
      <div className="flex gap-2">
        <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {labels.previous}
        </Button>
        <Button variant="secondary" disabled={page >= last} onClick={() => onPage(page + 1)}>
          {labels.next}
        </Button>
      </div>
    </nav>
  );
}
