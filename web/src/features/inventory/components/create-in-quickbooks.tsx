import type { Part } from "@app/shared";
import { useTranslation } from "react-i18next";
import { toast } from "../../../lib/toast";
import { Button } from "../../../components/ui/button";
import { useCreatePartItem } from "../api/create-part-item";
import { useErrorMessage } from "../../../lib/use-error-message";

/** "Create in QuickBooks" on an unlinked part's page: one item, linked at once. */
export function CreateInQuickBooks({ part }: { part: Part }) {
  const { t } = useTranslation("inventory");
  const errorMessage = useErrorMessage();
  const create = useCreatePartItem();
  return (
    <Button
      variant="secondary"
      disabled={create.isPending}
      // mutateAsync, not mutate's callbacks: once linked, this button unmounts before they'd run.
      onClick={() =>
        create.mutateAsync(part.id).then(
          () => toast.success(t("createItem.done")),
          (e: Error) => toast.error(t("createItem.failed"), { description: errorMessage(e) }),
        )
      }
    >
      {t("createItem.button")}
    </Button>
  );
}
