import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useSyncStatus } from "../api/get-sync-status";
import { KeepInSyncToggles } from "./keep-in-sync-toggles";
import { SyncNotices } from "./sync-notices";
import { useSyncFormat } from "./use-sync-format";

/** "Keep in sync" on the Import and Sync tab: switches, the last change received, notices. */
export function SyncPanel({ connected, canManage }: { connected: boolean; canManage: boolean }) {
  const { t } = useTranslation("sync");
  const headingId = useId();
  const status = useSyncStatus(connected).data;
  const fmt = useSyncFormat();
  if (!connected || !status) return null;
  const last = status.lastChange;
  return (
    <section aria-labelledby={headingId} className="card p-5">
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("intro")}</p>
      <div className="mt-4 grid gap-6 md:grid-cols-2">
        <KeepInSyncToggles categories={status.categories} canManage={canManage} />
        <div className="text-sm" aria-live="polite">
          <h3 className="font-medium text-slate-900">{t("lastChange.heading")}</h3>
          {last ? (
            <div className="mt-1 text-slate-700">
              <p>
                {t("lastChange.summary", { when: fmt.when(last.at), name: last.name })}{" "}
                <span className="text-xs text-slate-600">({t(`sources.${last.source}`)})</span>
              </p>
              <ul className="mt-1 list-disc pl-5 text-slate-600">
                {last.changes.map((c) => (
                  <li key={c.field}>{fmt.change(c)}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="mt-1 text-slate-600">{t("lastChange.none")}</p>
          )}
          <p className="mt-2 text-xs text-slate-600">
            {status.lastCatchUpAt
              ? t("lastChange.catchUp", { when: fmt.when(status.lastCatchUpAt) })
              : t("lastChange.noCatchUp")}
          </p>
        </div>
      </div>
      <div className="mt-4">
        <SyncNotices notices={status.notices} canManage={canManage} />
      </div>
    </section>
  );
}
