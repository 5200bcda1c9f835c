import { quickBooksItemUrl } from "@app/shared";
import { useTranslation } from "react-i18next";
import { QuickBooksLinkIcon } from "../../../components/ui/quickbooks-link-icon";
import { useMe } from "../../../lib/auth/me";

/** The read-only QuickBooks Item Reference, with a link that opens the item in QuickBooks. */
export function QuickBooksItemRef({ itemRef }: { itemRef: string | null }) {
  const { t } = useTranslation("inventory");
  const appUrl = useMe().data?.quickBooksAppUrl;
  if (itemRef === null) return <span className="text-slate-600">{t("notLinked")}</span>;
  return (
    <span className="group flex flex-wrap items-center gap-2">
      <QuickBooksLinkIcon label={t("synced", { ref: itemRef })} />
      <span className="font-mono">{itemRef}</span>
      <a
        href={quickBooksItemUrl(itemRef, appUrl)}
        target="_blank"
        rel="noreferrer"
        className="font-medium text-qb-700 underline-offset-2 hover:underline"
      >
        {t("detail.openInQuickBooks")}
        <span className="sr-only"> {t("detail.opensInNewTab")}</span>
        <span aria-hidden="true"> ↗</span>
      </a>
      <span className="w-full text-xs text-slate-500">{t("detail.readOnly")}</span>
    </span>
  );
}
