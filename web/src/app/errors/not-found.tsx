import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CompassIcon } from "../../components/ui/icons";
import { ErrorPanel } from "./error-panel";

export function NotFound() {
  const { t } = useTranslation("common");
  return (
    <ErrorPanel
      icon={<CompassIcon className="text-slate-600" />}
      title={t("errors.notFoundTitle")}
      message={t("errors.notFound")}
      action={
        <Link
          to="/settings/quickbooks/connection"
          className="rounded-lg bg-navy-900 px-4 py-2 text-sm font-semibold text-white hover:bg-navy-800"
        >
          {t("actions.goHome")}
        </Link>
      }
    />
  );
}
