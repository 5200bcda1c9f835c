import type { SyncNotice } from "@app/shared";
import { useTranslation } from "react-i18next";
import { toast } from "../../../lib/toast";
import { Button } from "../../../components/ui/button";
import { type NoticeDecision, useDecideNotice } from "../api/decide-notice";
import { useErrorMessage } from "../../../lib/use-error-message";

/**
 * Linked items deleted or made inactive in QuickBooks: unlink the part, or keep the link. An
 * item merged into one another part already follows: which part keeps following it.
 */
export function SyncNotices({ notices, canManage }: { notices: SyncNotice[]; canManage: boolean }) {
  const { t } = useTranslation("sync");
  const errorMessage = useErrorMessage();
  const decide = useDecideNotice();
  if (notices.length === 0) return null;
  const done: Record<NoticeDecision, string> = {
    unlink: "notices.unlinked",
    keep: "notices.kept",
    relink: "notices.relinked",
  };
  const act = (n: SyncNotice, decision: NoticeDecision) =>
    decide.mutate(
      { id: n.id, decision },
      {
        onSuccess: () =>
          toast.success(t(done[decision], { part: n.partDescription, ref: n.mergedIntoRef })),
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
              {t(`notices.${n.kind}`, {
                part: n.partDescription,
                ref: n.quickBooksItemRef,
                into: n.mergedIntoRef,
              })}
            </span>
            {canManage && n.kind === "merged" ? (
              <span className="flex gap-2">
                <Button
                  variant="secondary"
                  onClick={() => act(n, "unlink")}
                  disabled={decide.isPending}
                >
                  {t("notices.keepOther")}
                </Button>
                <Button onClick={() => act(n, "relink")} disabled={decide.isPending}>
                  {t("notices.relink", { part: n.partDescription })}
                </Button>
              </span>
            ) : canManage ? (
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
