import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useHealth } from "../api/get-health";

export const HEALTH_PATH = "/settings/quickbooks/health";

/** Above every page when the sync needs someone: "2 problems need you", linking to Health. */
export function ProblemsBanner() {
  const { t } = useTranslation("health");
  const { data } = useHealth();
  const count = data?.problems.length ?? 0;
  const budget = data?.calls?.warning === true;
  if (count === 0 && !budget) return null;
  return (
    <div
      role="status"
      className="mb-4 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <p>{count > 0 ? t("banner.problems", { count }) : t("banner.budget")}</p>
      <Link
        to={HEALTH_PATH}
        className="rounded-md bg-amber-900 px-3 py-1.5 font-semibold text-white hover:bg-amber-800"
      >
        {t("banner.action")}
      </Link>
    </div>
  );
}
