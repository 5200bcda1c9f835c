import { ImportCategorySchema, type ImportCategory } from "@app/shared";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Cell, DataTable } from "../../../components/ui/data-table";
import { useImports } from "../../../features/imports/api/get-imports";
import { isLive } from "../../../features/imports/api/live";
import { useFormatWhen, useSummary } from "../../../features/imports/hooks/use-format";
import { useSyncStatus } from "../../../features/sync/api/get-sync-status";

/**
 * The top of Import and Sync: every category's state in one small table (last import, live
 * progress, keep in sync), so the owner need not scroll through three screens of cards. The
 * queries are the cards' own, so this costs no extra request.
 */
export function AtAGlance({ connected }: { connected: boolean }) {
  const { t } = useTranslation("quickbooks");
  const headingId = useId();
  const sync = useSyncStatus(connected).data;
  const keep = new Map<string, boolean>(sync?.categories.map((c) => [c.category, c.keepInSync]));
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-2 text-lg font-semibold text-slate-900">
        {t("glance.title")}
      </h2>
      <DataTable
        columns={[
          { key: "category", label: t("glance.category") },
          { key: "import", label: t("glance.lastImport") },
          { key: "sync", label: t("glance.keepInSync") },
        ]}
      >
        {ImportCategorySchema.options.map((category) => (
          <GlanceRow key={category} category={category} keepInSync={keep.get(category)} />
        ))}
      </DataTable>
    </section>
  );
}

function GlanceRow({
  category,
  keepInSync,
}: {
  category: ImportCategory;
  keepInSync: boolean | undefined;
}) {
  const { t } = useTranslation("quickbooks");
  const { t: ti } = useTranslation("imports");
  const summary = useSummary();
  const when = useFormatWhen();
  const items = useImports({ category, limit: 10 }).data?.items;
  const live = items?.find((j) => isLive(j) && !j.dryRun);
  const last = items?.find((j) => !j.dryRun && !isLive(j));
  const state = live
    ? live.total === null
      ? ti("progress.starting")
      : t("glance.importing", { processed: live.processed, count: live.total })
    : last
      ? `${last.status === "succeeded" ? summary(last) : ti(`status.${last.status}`)} · ${when(last.createdAt)}`
      : t("glance.never");
  return (
    <tr>
      <Cell rowHeader className="font-medium text-slate-900">
        <a href="#imports" className="underline-offset-2 hover:underline">
          {ti(`categories.${category}`)}
        </a>
      </Cell>
      <Cell className={last?.status === "failed" && !live ? "text-red-800" : "text-slate-700"}>
        {state}
      </Cell>
      <Cell className="text-slate-700">
        {category === "customers"
          ? t("glance.notSynced")
          : keepInSync === undefined
            ? "—"
            : keepInSync
              ? t("glance.on")
              : t("glance.off")}
      </Cell>
    </tr>
  );
}
