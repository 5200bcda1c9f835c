import { useTranslation } from "react-i18next";

/** Shown while the first route loads (hydrate fallback) and while lazy pages arrive. */
export function PageLoading() {
  const { t } = useTranslation("common");
  return (
    <div
      role="status"
      className="flex min-h-40 items-center justify-center gap-3 text-sm text-slate-600"
    >
      <span
        className="size-5 animate-spin rounded-full border-2 border-slate-300 border-t-navy-700"
        aria-hidden="true"
      />
      {t("loading")}
    </div>
  );
}
