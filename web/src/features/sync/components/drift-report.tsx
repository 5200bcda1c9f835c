import type { Capabilities, DriftAction, DriftField, DriftQuery } from "@app/shared";
import { useCallback, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/ui/button";
import { useDrift } from "../api/get-drift";
import { DriftFilters } from "./drift-filters";
import { DriftTable } from "./drift-table";
import { useDriftActions } from "./use-drift-actions";
import { useSyncFormat } from "./use-sync-format";
import { useErrorMessage } from "../../../lib/use-error-message";

/** The drift report: asked for on demand (it reads every item from QuickBooks). */
export function DriftReport({
  connected,
  canManage,
  capabilities,
}: {
  connected: boolean;
  canManage: boolean;
  /** Without inventory tracking the report says quantities are Shopmonkey's alone. */
  capabilities?: Capabilities;
}) {
  const { t } = useTranslation("sync");
  const errorMessage = useErrorMessage();
  const headingId = useId();
  const fmt = useSyncFormat();
  const [query, setQuery] = useState<DriftQuery>({ show: "different" });
  const [asked, setAsked] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const drift = useDrift(query, connected && asked);
  const clear = useCallback(() => setSelected(new Set()), []);
  const actions = useDriftActions(clear);
  if (!connected) return null;
  const rows = drift.data?.items ?? [];
  const act = (action: DriftAction, ids: string[], fields: DriftField[]) =>
    actions.run(action, ids, fields);
  // Bulk: each action on the fields some selected row can take it for (the rest stay as they are).
  const chosen = rows.filter((r) => selected.has(r.partId));
  const bulkFields = (action: DriftAction) => [...new Set(chosen.flatMap((r) => r.fixes[action]))];
  const bulkIds = (action: DriftAction) =>
    chosen.filter((r) => r.fixes[action].length > 0).map((r) => r.partId);
  const select = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <section aria-labelledby={headingId} className="card p-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={headingId} className="text-lg font-semibold text-slate-900">
            {t("drift.title")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("drift.intro")}</p>
          {capabilities && !capabilities.inventoryTracking ? (
            <p role="note" className="mt-2 max-w-3xl text-sm text-sky-900">
              {t("drift.noInventory", { plan: t(`quickbooks:plans.${capabilities.plan}`) })}
            </p>
          ) : null}
        </div>
        <Button
          variant="secondary"
          disabled={drift.isFetching}
          onClick={() => (asked ? void drift.refetch() : setAsked(true))}
        >
          {t("drift.check")}
        </Button>
      </div>
      {asked ? (
        <div className="mt-4 space-y-3">
          <DriftFilters
            query={query}
            onChange={(q) => {
              setQuery(q);
              clear();
            }}
          />
          <p className="text-xs text-slate-600" aria-live="polite">
            {drift.isFetching
              ? t("drift.checking")
              : drift.data
                ? t("drift.checkedAt", {
                    when: fmt.when(drift.data.checkedAt),
                    count: drift.data.linkedParts,
                  })
                : null}
          </p>
          {drift.isError ? (
            <p role="alert" className="text-sm text-red-800">
              {t("drift.failed", { reason: errorMessage(drift.error) })}
            </p>
          ) : null}
          {canManage && selected.size > 0 ? (
            <div className="flex flex-wrap items-center gap-3 rounded-lg bg-slate-100 px-3 py-2 text-sm">
              <span className="font-medium text-slate-900">
                {t("drift.bulk", { count: selected.size })}
              </span>
              {bulkIds("take_quickbooks").length > 0 ? (
                <Button
                  disabled={actions.pending}
                  onClick={() =>
                    act(
                      "take_quickbooks",
                      bulkIds("take_quickbooks"),
                      bulkFields("take_quickbooks"),
                    )
                  }
                >
                  {t("drift.take")}
                </Button>
              ) : null}
              {bulkIds("push_shopmonkey").length > 0 ? (
                <Button
                  variant="secondary"
                  disabled={actions.pending}
                  onClick={() =>
                    act(
                      "push_shopmonkey",
                      bulkIds("push_shopmonkey"),
                      bulkFields("push_shopmonkey"),
                    )
                  }
                >
                  {t("drift.push")}
                </Button>
              ) : null}
            </div>
          ) : null}
          {drift.data && rows.length === 0 ? (
            <p className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
              {query.show === "different" && !query.field && !query.search
                ? t("drift.empty")
                : t("drift.emptyAll")}
            </p>
          ) : null}
          {rows.length > 0 ? (
            <DriftTable
              rows={rows}
              selected={selected}
              onSelect={select}
              onSelectAll={(on) => setSelected(on ? new Set(rows.map((r) => r.partId)) : new Set())}
              onAction={act}
              disabled={actions.pending}
              canManage={canManage}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
