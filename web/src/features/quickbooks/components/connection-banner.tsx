import { Link } from "react-router";
import { useTranslation } from "react-i18next";
import { useConnection } from "../api/get-connection";
import { quickbooksTabPath } from "../tabs";

/** Warn this many days before the authorization would lapse; no peer warns in advance. */
export const EXPIRY_WARNING_DAYS = 14;

export const daysLeft = (iso: string, now = Date.now()): number =>
  Math.floor((new Date(iso).getTime() - now) / 86_400_000);

/**
 * Shown above every QuickBooks page: the connection needs reconnecting, or will soon.
 * Silent disconnects are the top complaint about QuickBooks integrations.
 */
export function ConnectionBanner() {
  const { t } = useTranslation("connection");
  const { data } = useConnection();
  if (!data || data.status === "not_connected") return null;
  const days = data.refreshTokenExpiresAt ? daysLeft(data.refreshTokenExpiresAt) : Infinity;
  const reconnect = data.status === "needs_reconnect";
  if (!reconnect && days > EXPIRY_WARNING_DAYS) return null;
  return (
    <div
      role="alert"
      className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <p>
        {reconnect ? t("banner.reconnect") : t("banner.expiring", { count: Math.max(days, 0) })}
      </p>
      <Link
        to={quickbooksTabPath("connection")}
        className="rounded-md bg-amber-900 px-3 py-1.5 font-semibold text-white hover:bg-amber-800"
      >
        {t("banner.action")}
      </Link>
    </div>
  );
}
