import type { SyncNotice } from "@app/shared";
import { useTranslation } from "react-i18next";
import { toast } from "sonner";
import { Button } from "../../../components/ui/button";
import { useDecideNotice } from "../api/decide-notice";
import { useErrorMessage } from "../../../lib/use-error-message";

/** Linked items deleted or made inactive in QuickBooks: unlink the part, or keep the link. */
export function SyncNotices({ notices, canManage }: { notices: SyncNotice[]; canManage: boolean }) {
  const { t } = useTranslation("sync");
  const errorMessage = useErrorMessage();
  const decide = useDecideNotice();
  if (notices.length === 0) return null;
  const act = (n: SyncNotice, decision: "unlink" | "keep") =>
    decide.mutate(
      { id: n.id, decision },
      {
        onSuccess: () =>
          toast.success(
            t(decision === "unlink" ? "notices.unlinked" : "notices.kept", {
              part: n.partDescription,
            }),
          ),
        onError: (err) => toast.error(t("notices.failed", { reason: errorMessage(err) })),
      },
    );
  return (
    <div
      role="region"
      aria-label={t("notices.heading")}
      className="rounded-lg border border-amber-300 bg-amber-50 p-4"
    >
      <h4 className="text-sm font-semibold text-amber-950">{t("notices.heading")}</h4>
      <ul className="mt-2 space-y-2">
        {notices.map((n) => (
          <li
            key={n.id}
            className="flex flex-wrap items-center justify-between gap-3 text-sm text-amber-950"
          >
            <span>
              {t(`notices.${n.kind}`, { part: n.partDescription, ref: n.quickBooksItemRef })}
            </span>
            {canManage ? (
              <span className="flex gap-2">
                <Button
                  variant="secondary"
                  onClick={() => act(n, "keep")}
                  disabled={decide.isPending}
                >
                  {t("notices.keep")}
                </Button>
                <Button onClick={() => act(n, "unlink")} disabled={decide.isPending}>
                  {t("notices.unlink")}
                </Button>
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
