import { useTranslation } from "react-i18next";
import { QuickBooksLinkIcon } from "./quickbooks-link-icon";

/**
 * A record's read-only QuickBooks reference (an item's or a customer's id), with a link that
 * opens the record in QuickBooks, or "Not linked" when there is none.
 */
export function QuickBooksRef({
  id,
  href,
  synced,
}: {
  id: string | null;
  /** Where QuickBooks shows the record (the company's own app, or the sandbox's pages). */
  href: string;
  /** The mark's name, saying which record ("Synced with QuickBooks (item 5)"). */
  synced: string;
}) {
  const { t } = useTranslation("common");
  if (id === null) return <span className="text-slate-600">{t("quickBooksRef.notLinked")}</span>;
  return (
    <span className="group flex flex-wrap items-center gap-2">
      <QuickBooksLinkIcon label={synced} />
      <span className="font-mono">{id}</span>
      <a
        href={href}
        target="_blank"
        rel="noreferrer"
        className="font-medium text-qb-700 underline-offset-2 hover:underline"
      >
        {t("quickBooksRef.open")}
        <span className="sr-only"> {t("quickBooksRef.newTab")}</span>
        <span aria-hidden="true"> ↗</span>
      </a>
      <span className="w-full text-xs text-slate-500">{t("quickBooksRef.readOnly")}</span>
    </span>
  );
}
