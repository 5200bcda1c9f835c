import type { QuickBooksSendStatus } from "@app/shared";
import { useTranslation } from "react-i18next";

const tones: Record<QuickBooksSendStatus, string> = {
  not_sent: "bg-slate-100 text-slate-700",
  pending: "bg-sky-100 text-sky-900",
  sent: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-900",
  out_of_date: "bg-amber-100 text-amber-900",
};

/** The order's QuickBooks status in words (never colour alone). */
export function QuickBooksBadge({ status }: { status: QuickBooksSendStatus }) {
  const { t } = useTranslation("orders");
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ${tones[status]}`}
    >
      {t(`quickbooks.status.${status}`)}
    </span>
  );
}

export function OrderStatusBadge({ status }: { status: "open" | "invoiced" }) {
  const { t } = useTranslation("orders");
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ${status === "open" ? "bg-slate-100 text-slate-800" : "bg-navy-900 text-white"}`}
    >
      {t(`status.${status}`)}
    </span>
  );
}
