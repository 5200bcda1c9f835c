import { canManageQuickBooks } from "@app/shared";
import { useTranslation } from "react-i18next";
import { toast } from "../../../lib/toast";
import { useMe } from "../../../lib/auth/me";
import { useConnection } from "../api/get-connection";
import { useConnectPopup } from "../hooks/use-connect-popup";

/** Warn this many days before the authorization would lapse; no peer warns in advance. */
export const EXPIRY_WARNING_DAYS = 14;

export const daysLeft = (iso: string, now = Date.now()): number =>
  Math.floor((new Date(iso).getTime() - now) / 86_400_000);

/**
 * Shown above every page of the app: the connection needs reconnecting, or will soon.
 * Silent disconnects are the top complaint about QuickBooks integrations, so Reconnect is one
 * click from here (Intuit's consent for the same company replaces the grant, links kept).
 */
export function ConnectionBanner() {
  const { t } = useTranslation("connection");
  const { data } = useConnection();
  const me = useMe();
  const canManage = me.data ? canManageQuickBooks(me.data.role) : false;
  const { connect, pending } = useConnectPopup((result) => {
    if (result.ok && !result.confirm) toast.success(t("toast.connected"));
    else if (!result.ok)
      toast.error(
        t(`toast.failed.${result.reason}`, { defaultValue: t("toast.failed.exchange_failed") }),
      );
  });
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
      {canManage ? (
        <button
          type="button"
          onClick={() => void connect()}
          disabled={pending}
          className="rounded-md bg-amber-900 px-3 py-1.5 font-semibold text-white hover:bg-amber-800 disabled:opacity-60"
        >
          {pending ? t("connecting") : t("banner.action")}
        </button>
      ) : (
        <p className="font-medium">{t("banner.askAdmin")}</p>
      )}
    </div>
  );
}
