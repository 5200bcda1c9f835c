import { useTranslation } from "react-i18next";
import { useFormats } from "../../lib/use-formats";
import { Button } from "./button";

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  /** False when the list was counted only so far: there are more than `total` ("of more than 1,000"). */
  totalExact?: boolean;
  onPage: (page: number) => void;
  /** What is paged, for the navigation's name ("Pages of Proposed matches"); "Pages" without. */
  of?: string;
  /** What an empty list says in place of the range ("0 parts"). */
  empty: string;
}

/**
 * Previous / next with "51–100 of 2,340" (or "of more than 1,000") in the reader's language;
 * the range is announced politely when it changes.
 */
export function Pager({ page, pageSize, total, totalExact = true, onPage, of, empty }: PagerProps) {
  const { t } = useTranslation("common");
  const { number } = useFormats();
  // Past an inexact total there is always a next page: more than `total` parts match.
  const last = totalExact ? Math.max(1, Math.ceil(total / pageSize)) : Infinity;
  const from = Math.min(total, (page - 1) * pageSize + 1);
  const to = Math.min(total, page * pageSize);
  const range = { from: number(from), to: number(to), total: number(total) };
  return (
    <nav
      aria-label={of ? t("pager.navOf", { what: of }) : t("pager.nav")}
      className="mt-4 flex items-center justify-between gap-4 text-sm"
    >
      <p aria-live="polite" className="text-slate-600">
        {total === 0 ? empty : t(totalExact ? "pager.range" : "pager.rangeMoreThan", range)}
      </p>
      <div className="flex gap-2">
        <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          {t("pager.previous")}
        </Button>
        <Button variant="secondary" disabled={page >= last} onClick={() => onPage(page + 1)}>
          {t("pager.next")}
        </Button>
      </div>
    </nav>
  );
}
