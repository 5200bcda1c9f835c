import type { Connection } from "@app/shared";
import { useTranslation } from "react-i18next";
import { toast } from "../../../lib/toast";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { useSwitchCompany } from "../api/switch-company";
import { useLinkedWords } from "./linked-company";
import { useErrorMessage } from "../../../lib/use-error-message";

/**
 * A consent for another company waits here until the owner decides: nothing changed yet.
 * Keeping the current company is the safe choice (focused first, and Escape).
 */
export function SwitchCompanyDialog({
  connection,
  canManage,
}: {
  connection: Connection;
  canManage: boolean;
}) {
  const { t } = useTranslation("connection");
  const errorMessage = useErrorMessage();
  const words = useLinkedWords();
  const { confirm, cancel } = useSwitchCompany();
  const pending = connection.pendingSwitch;
  const linked = connection.linkedCompany;
  if (!pending || !linked) return null;
  const next = pending.companyName || t("unnamedCompany");
  const { what, company, count } = words(linked);
  if (!canManage) {
    return (
      <p role="status" className="mb-4 rounded-lg bg-amber-50 p-4 text-sm text-amber-900">
        {t("switch.onlyAdmins", { next })}
      </p>
    );
  }
  return (
    <ConfirmDialog
      open
      tone="neutral"
      title={t("switch.title", { next })}
      confirmLabel={t("switch.yes", { next })}
      cancelLabel={t("switch.no", { company })}
      busy={confirm.isPending || cancel.isPending}
      onCancel={() =>
        cancel.mutate(undefined, {
          onSuccess: () => toast.success(t("toast.kept", { company })),
          onError: (err) => toast.error(errorMessage(err)),
        })
      }
      onConfirm={() =>
        confirm.mutate(undefined, {
          onSuccess: () => toast.success(t("toast.switched", { company: next })),
          onError: (err) => toast.error(errorMessage(err)),
        })
      }
    >
      <p>{t("switch.body", { what, company, next, count })}</p>
      <p className="mt-2">{t("switch.details", { company, next })}</p>
    </ConfirmDialog>
  );
}
