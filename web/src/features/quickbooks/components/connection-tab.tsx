import { canManageQuickBooks } from "@app/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "../../../lib/toast";
import { Button } from "../../../components/ui/button";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { EmptyState } from "../../../components/ui/empty-state";
import { LinkIcon } from "../../../components/ui/icons";
import { PageLoading } from "../../../components/ui/page-loading";
import { useMe } from "../../../lib/auth/me";
import { useConnection } from "../api/get-connection";
import { useDisconnect } from "../api/disconnect";
import { type ConnectResult, useConnectPopup } from "../hooks/use-connect-popup";
import { ConnectedCard } from "./connected-card";
import { LinkedCompanySummary } from "./linked-company";
import { SwitchCompanyDialog } from "./switch-company-dialog";
import { useErrorMessage } from "../../../lib/use-error-message";

/** Connection tab: connect through Intuit's consent popup, see the company, disconnect. */
export function ConnectionTab() {
  const { t } = useTranslation("connection");
  const errorMessage = useErrorMessage();
  const connection = useConnection();
  const me = useMe();
  const canManage = me.data ? canManageQuickBooks(me.data.role) : false;
  const [confirming, setConfirming] = useState(false);
  const disconnect = useDisconnect();
  const { connect, pending } = useConnectPopup((result: ConnectResult) => {
    // A different company waits for the owner's choice: the dialog below asks, no toast.
    if (result.ok && result.confirm) return;
    if (result.ok) toast.success(t("toast.connected"));
    else
      toast.error(
        t(`toast.failed.${result.reason}`, { defaultValue: t("toast.failed.exchange_failed") }),
      );
  });

  if (connection.isPending) return <PageLoading />;
  if (connection.isError) {
    return (
      <EmptyState icon={<LinkIcon />} title={t("error.title")}>
        {errorMessage(connection.error)}
      </EmptyState>
    );
  }

  const connectButton = canManage ? (
    <Button
      onClick={() => void connect()}
      disabled={pending}
      className="!bg-qb-700 hover:!bg-qb-500"
    >
      {pending ? t("connecting") : t("connect")}
    </Button>
  ) : (
    <p className="text-sm text-slate-600">{t("onlyAdmins")}</p>
  );

  const switchDialog = <SwitchCompanyDialog connection={connection.data} canManage={canManage} />;
  if (connection.data.status === "not_connected") {
    return (
      <>
        {switchDialog}
        <EmptyState
          tone="quickbooks"
          icon={<LinkIcon />}
          title={t("notConnected.title")}
          action={connectButton}
        >
          {t("notConnected.body")}
        </EmptyState>
        {connection.data.linkedCompany ? (
          <div className="mx-auto max-w-xl">
            <LinkedCompanySummary linked={connection.data.linkedCompany} />
          </div>
        ) : null}
      </>
    );
  }

  return (
    <>
      {switchDialog}
      <ConnectedCard
        connection={connection.data}
        actions={
          canManage ? (
            <div className="flex flex-wrap gap-3">
              {connection.data.status === "needs_reconnect" ? connectButton : null}
              <Button variant="secondary" onClick={() => setConfirming(true)}>
                {t("disconnect")}
              </Button>
            </div>
          ) : (
            <p className="text-sm text-slate-600">{t("onlyAdmins")}</p>
          )
        }
      />
      <ConfirmDialog
        open={confirming}
        title={t("confirm.title")}
        confirmLabel={t("confirm.yes")}
        cancelLabel={t("confirm.no")}
        busy={disconnect.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          disconnect.mutate(undefined, {
            onSuccess: () => {
              setConfirming(false);
              toast.success(t("toast.disconnected"));
            },
            onError: (err) => toast.error(errorMessage(err)),
          })
        }
      >
        {t("confirm.body", { company: connection.data.companyName })}
      </ConfirmDialog>
    </>
  );
}
