import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ChevronRightIcon, QuickBooksMark } from "../../components/ui/icons";
import { PageHeader } from "../../components/ui/page-header";

/** /settings: what each section is for, so the page is never empty. */
export function SettingsOverview() {
  const { t } = useTranslation("shell");
  return (
    <>
      <PageHeader title={t("settings.title")} description={t("settings.overviewBody")} />
      <ul className="grid gap-4 sm:grid-cols-2">
        <li>
          <Link
            to="/settings/quickbooks"
            className="card group flex items-start gap-4 p-5 transition hover:border-slate-300 hover:shadow"
          >
            <QuickBooksMark className="size-10 shrink-0" />
            <span className="flex-1">
              <span className="block font-semibold text-slate-900">{t("settings.quickbooks")}</span>
              <span className="mt-1 block text-sm text-slate-600">
                {t("settings.quickbooksCard")}
              </span>
            </span>
            <ChevronRightIcon className="mt-1 size-5 text-slate-400 transition group-hover:translate-x-0.5" />
          </Link>
        </li>
      </ul>
    </>
  );
}
