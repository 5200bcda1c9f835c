import type { Part } from "@app/shared";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "../../../components/ui/button";
import { useCreatePartItem } from "../api/create-part-item";

/** "Create in QuickBooks" on an unlinked part's page: one item, linked at once. */
export function CreateInQuickBooks({ part }: { part: Part }) {
  const { t } = useTranslation("onboarding");
  const create = useCreatePartItem();
  return (
    <Button
      variant="secondary"
      disabled={create.isPending}
      onClick={() =>
        create.mutate(part.id, {
          onSuccess: () => toast.success(t("createItem.done")),
          onError: (e) => toast.error(t("createItem.failed"), { description: e.message }),
        })
      }
    >
      {t("createItem.button")}
    </Button>
  );
}
