import { useTranslation } from "react-i18next";
import { ListError } from "../../../components/ui/list-error";
import { PageLoading } from "../../../components/ui/page-loading";
import { useHealth } from "../api/get-health";
import { CallsCard } from "./calls-card";
import { CallsChart, DriftChart, RunsChart } from "./health-charts";
import { ProblemsList } from "./problems-list";

/** Settings → QuickBooks → Health: every problem, the call budget, and how the imports went. */
export function HealthPanel({ canAct }: { canAct: boolean }) {
  const { t } = useTranslation("health");
  const health = useHealth();
  if (health.isPending) return <PageLoading />;
  if (health.isError)
    return (
      <ListError
        title={t("error.title")}
        message={t("error.message")}
        retry={t("error.retry")}
        onRetry={() => void health.refetch()}
      />
    );
  const { connection, calls, problems, runs, drift } = health.data;
  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-lg font-semibold text-slate-900">{t("title")}</h2>
        <p className="mt-1 text-sm text-slate-600">
          {t(`connection.${connection.status}`, { company: connection.companyName ?? "" })}
        </p>
      </div>
      <ProblemsList problems={problems} canAct={canAct} />
      <div className="grid gap-4 lg:grid-cols-2">
        {calls ? <CallsCard calls={calls} /> : null}
        {calls ? <CallsChart calls={calls} /> : null}
        <RunsChart runs={runs} />
        <DriftChart checks={drift} />
      </div>
    </div>
  );
}
