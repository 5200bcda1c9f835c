import { type ImportOutcome, ImportOutcomeSchema } from "@app/shared";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/ui/button";
import { useImportRecords } from "../api/get-import-records";

const outcomeTone: Record<ImportOutcome, string> = {
  imported: "bg-qb-500/10 text-qb-700",
  updated: "bg-navy-200/50 text-navy-900",
  skipped: "bg-amber-100 text-amber-900",
};

/** A run's per-record outcomes and reasons, filterable, paged with the API's cursor. */
export function RecordsTable({ jobId }: { jobId: string }) {
  const { t } = useTranslation("imports");
  const [outcome, setOutcome] = useState<ImportOutcome | undefined>();
  const records = useImportRecords(jobId, outcome);
  const filterId = useId();
  const rows = records.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-2 text-sm">
        <label htmlFor={filterId} className="font-medium text-slate-700">
          {t("records.filter")}
        </label>
        <select
          id={filterId}
          value={outcome ?? ""}
          onChange={(e) => {
            const parsed = ImportOutcomeSchema.safeParse(e.target.value);
            setOutcome(parsed.success ? parsed.data : undefined);
          }}
          className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
        >
          <option value="">{t("records.all")}</option>
          {ImportOutcomeSchema.options.map((o) => (
            <option key={o} value={o}>
              {t(`records.outcomes.${o}`)}
            </option>
          ))}
        </select>
      </div>
      <table className="w-full text-left text-sm">
        <thead className="text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3">
              {t("records.quickBooksId")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("records.name")}
            </th>
            <th scope="col" className="py-2 pr-3">
              {t("records.outcome")}
            </th>
            <th scope="col" className="py-2">
              {t("records.reason")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.quickBooksId}>
              <td className="py-2 pr-3 font-mono text-xs text-slate-700">{r.quickBooksId}</td>
              <td className="max-w-64 truncate py-2 pr-3 text-slate-900" title={r.name}>
                {r.name}
              </td>
              <td className="py-2 pr-3">
                <span
                  className={`rounded-full px-2 py-0.5 text-xs font-medium ${outcomeTone[r.outcome]}`}
                >
                  {t(`records.outcomes.${r.outcome}`)}
                </span>
              </td>
              <td className="py-2 text-slate-700">{r.reason ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {records.isSuccess && rows.length === 0 ? (
        <p className="text-sm text-slate-600">{t("records.empty")}</p>
      ) : null}
      {records.hasNextPage ? (
        <Button
          variant="secondary"
          disabled={records.isFetchingNextPage}
          onClick={() => void records.fetchNextPage()}
        >
          {t("actions.loadMore")}
        </Button>
      ) : null}
    </div>
  );
}
