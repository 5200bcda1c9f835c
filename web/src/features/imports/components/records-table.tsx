import { type ImportOutcome, ImportOutcomeSchema } from "@app/shared";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/ui/button";
import { Cell, DataTable } from "../../../components/ui/data-table";
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
      <DataTable
        columns={[
          { key: "quickBooksId", label: t("records.quickBooksId") },
          { key: "name", label: t("records.name") },
          { key: "outcome", label: t("records.outcome") },
          { key: "reason", label: t("records.reason") },
        ]}
      >
        {rows.map((r) => (
          <tr key={r.quickBooksId}>
            <Cell className="font-mono text-xs text-slate-700">{r.quickBooksId}</Cell>
            <Cell className="max-w-64 truncate text-slate-900" title={r.name}>
              {r.name}
            </Cell>
            <Cell>
              <span
                className={`rounded-full px-2 py-0.5 text-xs font-medium ${outcomeTone[r.outcome]}`}
              >
                {t(`records.outcomes.${r.outcome}`)}
              </span>
            </Cell>
            <Cell className="text-slate-700">
              {/* A record stored before reason codes existed shows the text it was stored with. */}
              {r.reasonCode
                ? t(r.reasonCode, { ns: "skipReasons", ...r.reasonParams })
                : (r.reason ?? "")}
            </Cell>
          </tr>
        ))}
      </DataTable>
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
