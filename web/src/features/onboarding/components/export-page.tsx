import { canManageQuickBooks } from "@app/shared";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "../../../components/ui/button";
import { EmptyState } from "../../../components/ui/empty-state";
import { QuickBooksMark } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/page-header";
import { PageLoading } from "../../../components/ui/page-loading";
import { useMe } from "../../../lib/auth/me";
import { useExport } from "../api/get-export";
import { useExportPreview } from "../api/preview-export";
import { useStartExport } from "../api/start-export";
import { BackToImport } from "./back-link";
import { ExportPreviewTable } from "./export-preview-table";
import { ExportResult } from "./export-result";

/** Export to QuickBooks: preview every part's fate, then create them in batches and link them. */
export function ExportPage() {
  const { t } = useTranslation("onboarding");
  const role = useMe().data?.role;
  const canManage = role ? canManageQuickBooks(role) : false;
  const [exportId, setExportId] = useState<string>();
  const preview = useExportPreview(canManage && !exportId);
  const job = useExport(exportId).data;
  const start = useStartExport();
  const counts = preview.data?.counts;
  const toDo = counts ? counts.create + counts.linkExisting : 0;
  return (
    <>
      <BackToImport label={t("export.back")} />
      <PageHeader
        title={t("export.title")}
        description={t("export.intro")}
        icon={<QuickBooksMark />}
      />
      {job ? (
        <ExportResult job={job} />
      ) : preview.isPending ? (
        <PageLoading />
      ) : preview.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {preview.error.message}
        </p>
      ) : preview.data.items.length === 0 ? (
        <EmptyState icon={<QuickBooksMark />} title={t("export.nothing")} tone="quickbooks">
          {t("export.intro")}
        </EmptyState>
      ) : (
        <div className="space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-slate-700">
              {t("export.summary", {
                create: counts?.create,
                link: counts?.linkExisting,
                skip: counts?.skip,
              })}
            </p>
            <Button
              disabled={toDo === 0 || start.isPending}
              onClick={() =>
                start.mutate(undefined, {
                  onSuccess: (j) => setExportId(j.id),
                  onError: (e) => toast.error(t("export.startFailed"), { description: e.message }),
                })
              }
            >
              {t("export.start", { count: toDo })}
            </Button>
          </div>
          <ExportPreviewTable rows={preview.data.items} />
        </div>
      )}
    </>
  );
}
