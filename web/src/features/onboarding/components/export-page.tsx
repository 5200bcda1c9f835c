import { type ExportPreview, canManageQuickBooks } from "@app/shared";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { toast } from "../../../lib/toast";
import { Button } from "../../../components/ui/button";
import { EmptyState } from "../../../components/ui/empty-state";
import { QuickBooksMark } from "../../../components/ui/icons";
import { PageHeader } from "../../../components/ui/page-header";
import { PageLoading } from "../../../components/ui/page-loading";
import { useMe } from "../../../lib/auth/me";
import { useErrorMessage } from "../../../lib/use-error-message";
import { useExport } from "../api/get-export";
import { useExportPreview } from "../api/preview-export";
import { useStartExport } from "../api/start-export";
import { BackToImport } from "./back-link";
import { ExportPreviewTable } from "./export-preview-table";
import { ExportResult } from "./export-result";

/** Export to QuickBooks: preview every part's fate, then create them in batches and link them. */
export function ExportPage() {
  const { t } = useTranslation("onboarding");
  const errorMessage = useErrorMessage();
  const role = useMe().data?.role;
  const canManage = role ? canManageQuickBooks(role) : false;
  const [exportId, setExportId] = useState<string>();
  // Parts the owner chose to link to the QuickBooks item of their name instead of skipping.
  const [linkByName, setLinkByName] = useState<string[]>([]);
  const scope = linkByName.length > 0 ? { linkByName } : {};
  const preview = useExportPreview(scope, canManage && !exportId);
  const job = useExport(exportId).data;
  const start = useStartExport();
  const counts = preview.data?.counts;
  const toggleLink = (partId: string) =>
    setLinkByName((ids) =>
      ids.includes(partId) ? ids.filter((id) => id !== partId) : [...ids, partId],
    );
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
      ) : role && !canManage ? (
        <p role="status" className="rounded-lg bg-slate-100 p-4 text-sm text-slate-700">
          {t("export.notAllowed")}
        </p>
      ) : preview.isPending ? (
        <PageLoading />
      ) : preview.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(preview.error)}
        </p>
      ) : preview.data.items.length === 0 ? (
        <EmptyState icon={<QuickBooksMark />} title={t("export.nothing")} tone="quickbooks">
          {t("export.intro")}
        </EmptyState>
      ) : (
        <div className="space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <p className="text-sm text-slate-700">{counts ? summary(t, counts) : null}</p>
            {counts && counts.create + counts.linkExisting > 0 ? (
              <Button
                disabled={start.isPending || preview.isFetching}
                onClick={() =>
                  start.mutate(scope, {
                    onSuccess: (j) => setExportId(j.id),
                    onError: (e) =>
                      toast.error(t("export.startFailed"), { description: errorMessage(e) }),
                  })
                }
              >
                {startLabel(t, counts)}
              </Button>
            ) : null}
          </div>
          <ExportPreviewTable
            rows={preview.data.items}
            linkByName={linkByName}
            onToggleLink={toggleLink}
          />
        </div>
      )}
    </>
  );
}

type Counts = ExportPreview["counts"];

/** "1 to create, 8 to link to existing items, 2 skipped", each count with its own plural. */
function summary(t: TFunction<"onboarding">, c: Counts): string {
  return [
    t("export.counts.create", { count: c.create }),
    t("export.counts.link", { count: c.linkExisting }),
    t("export.counts.skip", { count: c.skip }),
  ].join(", ");
}

/** The button says what it will do: create, link, or both. */
function startLabel(t: TFunction<"onboarding">, c: Counts): string {
  if (c.create > 0 && c.linkExisting > 0)
    return t("export.startBoth", {
      create: t("export.partCount", { count: c.create }),
      link: t("export.partCount", { count: c.linkExisting }),
    });
  return c.create > 0
    ? t("export.startCreate", { count: c.create })
    : t("export.startLink", { count: c.linkExisting });
}
