import {
  canManageQuickBooks,
  type ReconciliationRun,
  type ReconciliationSection,
} from "@app/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "../../../lib/toast";
import { Button } from "../../../components/ui/button";
import { QuickBooksMark } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/page-header";
import { PageLoading } from "../../../components/ui/page-loading";
import { ApiError } from "../../../lib/api-client";
import { useMe } from "../../../lib/auth/me";
import {
  FIRST_PAGES,
  type SectionPages,
  useReconciliation,
  useRefreshReconciliation,
} from "../api/get-reconciliation";
import { BackToImport } from "./back-link";
import { ReconcileForm } from "./reconcile-form";
import { ReconcileResult } from "./reconcile-result";
import { useErrorMessage } from "../../../lib/use-error-message";
import { useFormats } from "../../../lib/use-formats";

/** The reconciliation assistant for shops with inventory on both sides. */
export function ReconcilePage() {
  const { t } = useTranslation("onboarding");
  const { date } = useFormats();
  const errorMessage = useErrorMessage();
  const role = useMe().data?.role;
  const [pages, setPages] = useState<SectionPages>(FIRST_PAGES);
  const [run, setRun] = useState<ReconciliationRun>();
  const proposal = useReconciliation(pages, !run);
  const refresh = useRefreshReconciliation();
  const canManage = role ? canManageQuickBooks(role) : false;
  const onPage = (section: ReconciliationSection, page: number) =>
    setPages((all) => ({ ...all, [section]: page }));
  const computedAt = proposal.data ? date(proposal.data.computedAt, "minute") : "";
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
        <div className="space-y-4">
          <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700">
            <p>
              {t("reconcile.computedAt", { when: computedAt })}
              {proposal.data.stale ? ` ${t("reconcile.stale")}` : ""}
            </p>
            <Button
              variant="secondary"
              disabled={!canManage || refresh.isPending}
              onClick={() =>
                refresh.mutate(undefined, {
                  onSuccess: () => setPages(FIRST_PAGES),
                  onError: (e) =>
                    toast.error(t("reconcile.refreshFailed"), { description: errorMessage(e) }),
                })
              }
            >
              {refresh.isPending ? t("reconcile.refreshing") : t("reconcile.refresh")}
            </Button>
          </div>
          <ReconcileForm
            // A new computation (a refresh) starts the choices over.
            key={proposal.data.id}
            proposal={proposal.data}
            onPage={onPage}
            canApply={canManage}
            onApplied={setRun}
            onFailed={(error) => {
              toast.error(t("reconcile.applyFailed"), { description: errorMessage(error) });
              // Refreshed or applied elsewhere since: show the proposal that is stored now.
              if (error instanceof ApiError && error.status === 409) void proposal.refetch();
            }}
          />
        </div>
      )}
    </>
  );
}
