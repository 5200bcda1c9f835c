import { canManageQuickBooks, type ReconciliationRun } from "@app/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { QuickBooksMark } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/page-header";
import { PageLoading } from "../../../components/ui/page-loading";
import { useMe } from "../../../lib/auth/me";
import { useReconciliation } from "../api/get-reconciliation";
import { BackToImport } from "./back-link";
import { ReconcileForm } from "./reconcile-form";
import { ReconcileResult } from "./reconcile-result";
import { useErrorMessage } from "../../../lib/use-error-message";

/** The reconciliation assistant for shops with inventory on both sides. */
export function ReconcilePage() {
  const { t } = useTranslation("onboarding");
  const errorMessage = useErrorMessage();
  const role = useMe().data?.role;
  const proposal = useReconciliation();
  const [run, setRun] = useState<ReconciliationRun>();
  return (
    <>
      <BackToImport label={t("reconcile.back")} />
      <PageHeader
        title={t("reconcile.title")}
        description={t("reconcile.intro")}
        icon={<QuickBooksMark />}
      />
      {run ? (
        <ReconcileResult run={run} />
      ) : proposal.isPending ? (
        <PageLoading />
      ) : proposal.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(proposal.error)}
        </p>
      ) : (
        <ReconcileForm
          proposal={proposal.data}
          canApply={role ? canManageQuickBooks(role) : false}
          onApplied={setRun}
          onFailed={(message) => toast.error(t("reconcile.applyFailed"), { description: message })}
        />
      )}
    </>
  );
}
