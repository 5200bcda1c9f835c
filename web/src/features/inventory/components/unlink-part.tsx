import type { Part } from "@app/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "../../../lib/toast";
import { Button } from "../../../components/ui/button";
import { ConfirmDialog } from "../../../components/ui/confirm-dialog";
import { useUnlinkPart } from "../api/unlink-part";
import { useErrorMessage } from "../../../lib/use-error-message";

/** Owners and admins cut a part's QuickBooks link, after saying yes to what that means. */
export function UnlinkPart({ part }: { part: Part & { quickBooksItemRef: string } }) {
  const { t } = useTranslation("inventory");
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const unlink = useUnlinkPart();
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t("unlink.button")}
      </Button>
      <ConfirmDialog
        open={open}
        title={t("unlink.title")}
        confirmLabel={t("unlink.confirm")}
        cancelLabel={t("unlink.cancel")}
        busy={unlink.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={() =>
          unlink.mutate(part.id, {
            onSuccess: () => {
              setOpen(false);
              toast.success(t("unlink.done"));
            },
            onError: (e) => toast.error(t("unlink.failed"), { description: errorMessage(e) }),
          })
        }
      >
        {t("unlink.body", { ref: part.quickBooksItemRef })}
      </ConfirmDialog>
    </>
  );
}
