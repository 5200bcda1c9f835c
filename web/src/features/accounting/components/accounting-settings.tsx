import {
  type AccountingSettings,
  type CategoryItems,
  type FieldIssue,
  SALES_CATEGORIES,
  type SalesCategory,
} from "@app/shared";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { toast } from "../../../lib/toast";
import { Button } from "../../../components/ui/button";
import { ListError } from "../../../components/ui/list-error";
import { PageLoading } from "../../../components/ui/page-loading";
import { ApiError } from "../../../lib/api-client";
import { useAccounting } from "../api/get-accounting";
import { useQuickBooksItems } from "../api/get-quickbooks-items";
import { useSaveAccounting } from "../api/save-accounting";
import { AdjustmentAccountPicker } from "./adjustment-account-picker";
import { CategoryPicker } from "./category-picker";
import { useErrorMessage } from "../../../lib/use-error-message";

/** Field errors of a 400 from PUT, by category ("body.categoryItems.labor" → labor). */
function errorsByCategory(
  err: unknown,
  say: (issue: unknown) => string,
): Partial<Record<SalesCategory, string>> {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return {};
  const out: Partial<Record<SalesCategory, string>> = {};
  for (const issue of err.details as FieldIssue[]) {
    const key = issue.path.split(".").at(-1) as SalesCategory;
    if (SALES_CATEGORIES.includes(key)) out[key] = say(issue);
  }
  return out;
}

function adjustmentAccountError(err: unknown, say: (issue: unknown) => string) {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return undefined;
  const issue = (err.details as FieldIssue[]).find((i) => i.path === "body.adjustmentAccountId");
  return issue ? say(issue) : undefined;
}

/**
 * Configure accounting: which QuickBooks product/service each sales category posts to, and
 * whether invoicing an order sends it to QuickBooks at once. All six are required to send.
 */
export function AccountingSettingsForm({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation("accounting");
  const errorMessage = useErrorMessage();
  const settings = useAccounting();
  if (settings.isError)
    return (
      <ListError
        title={t("loadError")}
        message={errorMessage(settings.error)}
        retry={t("retry")}
        onRetry={() => void settings.refetch()}
      />
    );
  if (settings.isPending) return <PageLoading />;
  return <MappingForm initial={settings.data} canEdit={canEdit} />;
}

function MappingForm({ initial, canEdit }: { initial: AccountingSettings; canEdit: boolean }) {
  const { t } = useTranslation("accounting");
  const errorMessage = useErrorMessage();
  const items = useQuickBooksItems(true);
  const save = useSaveAccounting();
  const [draft, setDraft] = useState<CategoryItems>(initial.categoryItems);
  const [autoSend, setAutoSend] = useState(initial.autoSendInvoices);
  const [adjustmentAccountId, setAdjustmentAccountId] = useState(initial.adjustmentAccountId);
  const autoSendId = useId();
  const noteId = useId();
  const fieldErrors = errorsByCategory(save.error, errorMessage);
  const accountError = adjustmentAccountError(save.error, errorMessage);
  const missing = SALES_CATEGORIES.filter((c) => !draft[c]);

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(
      { categoryItems: draft, autoSendInvoices: autoSend, adjustmentAccountId },
      { onSuccess: () => toast.success(t("saved")) },
    );
  }

  return (
    <form onSubmit={submit} className="space-y-6" aria-describedby={noteId}>
      <div
        id={noteId}
        className="rounded-xl border border-sky-200 bg-sky-50 p-4 text-sm text-sky-900"
      >
        <p>{t("note")}</p>
        <Link to="/settings/quickbooks/import" className="mt-1 inline-block font-medium underline">
          {t("noteLink")}
        </Link>
      </div>
      {items.isError ? (
        <p role="alert" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
          {items.error instanceof ApiError && items.error.code === "quickbooks_not_connected"
            ? t("notConnected")
            : t("itemsError", { message: errorMessage(items.error) })}
        </p>
      ) : null}
      <fieldset className="card space-y-4 p-5">
        <legend className="px-1 text-sm font-semibold text-slate-900">
          {t("categoriesTitle")}
        </legend>
        <p className="text-sm text-slate-600">{t("categoriesHelp")}</p>
        {SALES_CATEGORIES.map((category) => (
          <CategoryPicker
            key={category}
            label={t(`categories.${category}`)}
            value={draft[category]}
            items={items.data?.items ?? []}
            placeholder={items.isPending ? t("loadingItems") : t("choose")}
            typeLabel={(type) => t(`itemTypes.${type}`, { defaultValue: type })}
            disabled={!canEdit}
            error={fieldErrors[category]}
            onChange={(id) => setDraft({ ...draft, [category]: id })}
          />
        ))}
        {missing.length > 0 ? (
          <p className="text-sm text-amber-800">{t("missing", { count: missing.length })}</p>
        ) : null}
      </fieldset>
      <div className="card flex items-start gap-3 p-5">
        <input
          id={autoSendId}
          type="checkbox"
          role="switch"
          checked={autoSend}
          disabled={!canEdit}
          onChange={(e) => setAutoSend(e.target.checked)}
          className="mt-1 size-4"
        />
        <label htmlFor={autoSendId} className="text-sm">
          <span className="font-medium text-slate-900">{t("autoSend")}</span>
          <span className="block text-slate-600">{t("autoSendHelp")}</span>
        </label>
      </div>
      <AdjustmentAccountPicker
        value={adjustmentAccountId}
        disabled={!canEdit}
        error={accountError}
        onChange={setAdjustmentAccountId}
      />
      {canEdit ? (
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? t("saving") : t("save")}
        </Button>
      ) : (
        <p className="text-sm text-slate-600">{t("readOnly")}</p>
      )}
      {save.isError && Object.keys(fieldErrors).length === 0 && !accountError ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {errorMessage(save.error)}
        </p>
      ) : null}
    </form>
  );
}
