import { canEditParts, type PartInput } from "@app/shared";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { toast } from "../../../lib/toast";
import { PageHeader } from "../../../components/ui/page-header";
import { PageLoading } from "../../../components/ui/page-loading";
import { ApiError } from "../../../lib/api-client";
import { useMe } from "../../../lib/auth/me";
import { usePart } from "../api/get-part";
import { useCreatePart, useUpdatePart } from "../api/save-part";
import { emptyPartForm, partToForm, serverErrors } from "../hooks/part-form-values";
import { PartForm } from "./part-form";
import { BackToInventory } from "./part-page";
import { useErrorMessage } from "../../../lib/use-error-message";

/** Technicians read only: the server answers 403 anyway, the page says so first. */
function useCanEdit() {
  const role = useMe().data?.role;
  return role === undefined ? undefined : canEditParts(role);
}

function Forbidden() {
  const { t } = useTranslation("inventory");
  return (
    <p role="alert" className="rounded-lg bg-amber-50 p-4 text-sm text-amber-900">
      {t("form.forbidden")}
    </p>
  );
}

const detailsOf = (e: Error | null) =>
  e instanceof ApiError && e.status === 400 ? serverErrors(e.details) : undefined;

export function NewPartPage() {
  const { t } = useTranslation("inventory");
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const create = useCreatePart();
  const canEdit = useCanEdit();
  const save = (input: PartInput) =>
    create.mutate(input, {
      onSuccess: (part) => {
        toast.success(t("form.created"));
        void navigate(`/inventory/${part.id}`);
      },
      onError: (e) => toast.error(t("form.failed"), { description: errorMessage(e) }),
    });
  return (
    <>
      <BackToInventory />
      <PageHeader title={t("form.createTitle")} />
      {canEdit === false ? (
        <Forbidden />
      ) : (
        <PartForm
          initial={emptyPartForm}
          busy={create.isPending}
          serverErrors={detailsOf(create.error)}
          onSubmit={save}
          onCancel={() => void navigate("/inventory")}
        />
      )}
    </>
  );
}

export function EditPartPage() {
  const { t } = useTranslation("inventory");
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const partId = useParams().partId ?? "";
  const part = usePart(partId);
  const update = useUpdatePart();
  const canEdit = useCanEdit();
  if (part.isPending) return <PageLoading />;
  if (part.isError) throw part.error;
  const back = () => void navigate(`/inventory/${partId}`);
  const save = (patch: PartInput) =>
    update.mutate(
      { id: partId, patch },
      {
        onSuccess: () => {
          toast.success(t("form.saved"));
          back();
        },
        onError: (e) => toast.error(t("form.failed"), { description: errorMessage(e) }),
      },
    );
  return (
    <>
      <BackToInventory />
      <PageHeader title={`${t("form.editTitle")} · ${part.data.description}`} />
      {canEdit === false ? (
        <Forbidden />
      ) : (
        <PartForm
          initial={partToForm(part.data)}
          busy={update.isPending}
          serverErrors={detailsOf(update.error)}
          onSubmit={save}
          onCancel={back}
        />
      )}
    </>
  );
}
