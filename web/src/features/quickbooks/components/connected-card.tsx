import type { Connection } from "@app/shared";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { QuickBooksMark } from "../../../components/ui/icons";
import { LinkedCompanySummary } from "./linked-company";
import { useFormats } from "../../../lib/use-formats";

/** What is connected, by whom, since when, and until when the authorization lasts. */
export function ConnectedCard({
  connection,
  actions,
}: {
  connection: Connection;
  actions: ReactNode;
}) {
  const { t } = useTranslation("connection");
  const formats = useFormats();
  const date = (iso?: string) => (iso ? formats.date(iso, "longDay") : "—");
  const healthy = connection.status === "connected";
  return (
    <section aria-labelledby="qb-connection-title" className="card p-6">
      <div className="flex items-start gap-4">
        <span className="[&>svg]:size-10">
          <QuickBooksMark />
        </span>
        <div className="min-w-0 flex-1">
          <h2 id="qb-connection-title" className="text-lg font-semibold text-slate-900">
            {connection.companyName || t("unnamedCompany")}
          </h2>
          <p
            className={`mt-1 inline-flex items-center gap-2 rounded-full px-2.5 py-0.5 text-xs font-semibold ${
              healthy ? "bg-qb-500/10 text-qb-700" : "bg-amber-100 text-amber-900"
            }`}
          >
            <span
              aria-hidden="true"
              className={`size-2 rounded-full ${healthy ? "bg-qb-500" : "bg-amber-500"}`}
            />
            {healthy ? t("status.connected") : t("status.needs_reconnect")}
          </p>
          <dl className="mt-4 grid grid-cols-1 gap-x-8 gap-y-3 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-slate-500">{t("fields.connectedBy")}</dt>
              <dd className="font-medium text-slate-900">{connection.connectedBy}</dd>
            </div>
            <div>
              <dt className="text-slate-500">{t("fields.connectedAt")}</dt>
              <dd className="font-medium text-slate-900">{date(connection.connectedAt)}</dd>
            </div>
            {healthy ? (
              <div>
                <dt className="text-slate-500">{t("fields.expiresAt")}</dt>
                <dd className="font-medium text-slate-900">
                  {date(connection.refreshTokenExpiresAt)}
                </dd>
              </div>
            ) : null}
            <div className="sm:col-span-3">
              <dt className="text-slate-500">{t("fields.realmId")}</dt>
              <dd className="font-mono text-slate-900">{connection.realmId}</dd>
            </div>
          </dl>
          <LinkedCompanySummary linked={connection.linkedCompany} />
        </div>
      </div>
      <div className="mt-6 border-t border-slate-100 pt-4">{actions}</div>
    </section>
  );
}
