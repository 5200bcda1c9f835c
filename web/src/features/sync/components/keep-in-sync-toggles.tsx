import type { SyncCategory, SyncStatus } from "@app/shared";
import { useTranslation } from "react-i18next";
import { toast } from "../../../lib/toast";
import { useSetKeepInSync } from "../api/set-keep-in-sync";
import { useErrorMessage } from "../../../lib/use-error-message";

/** One switch per category: on by default once imported (the server decides the default). */
export function KeepInSyncToggles({
  categories,
  canManage,
}: {
  categories: SyncStatus["categories"];
  canManage: boolean;
}) {
  const { t } = useTranslation("sync");
  const errorMessage = useErrorMessage();
  const save = useSetKeepInSync();
  const toggle = (category: SyncCategory, keepInSync: boolean) =>
    save.mutate(
      { category, keepInSync },
      {
        onError: (err) => toast.error(t("toggle.failed", { reason: errorMessage(err) })),
      },
    );
  return (
    <ul className="divide-y divide-slate-100">
      {categories.map((c) => {
        const name = t(`categories.${c.category}`);
        return (
          <li key={c.category} className="flex items-center justify-between gap-4 py-3">
            <div>
              <p className="text-sm font-medium text-slate-900">{name}</p>
              <p className="text-xs text-slate-600">
                {t(`toggle.direction.${c.category}.${c.keepInSync ? "on" : "off"}`)}
              </p>
              {!c.imported ? (
                <p className="text-xs text-slate-600">{t("toggle.notImported")}</p>
              ) : null}
            </div>
            <button
              type="button"
              role="switch"
              aria-checked={c.keepInSync}
              aria-label={t("toggle.label", { category: name })}
              disabled={!canManage || save.isPending}
              onClick={() => toggle(c.category, !c.keepInSync)}
              className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-navy-900 disabled:cursor-not-allowed disabled:opacity-60 ${c.keepInSync ? "bg-emerald-600" : "bg-slate-400"}`}
            >
              <span
                aria-hidden="true"
                className={`inline-block size-5 rounded-full bg-white shadow transition-transform ${c.keepInSync ? "translate-x-5" : "translate-x-0.5"}`}
              />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
