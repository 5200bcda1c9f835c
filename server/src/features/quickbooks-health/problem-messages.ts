import type { Problem } from "@app/shared";

type Sentence = Pick<Problem, "code" | "params" | "reason">;

const signed = (qty: string | number | undefined) => {
  const s = String(qty ?? "");
  return s.startsWith("-") ? s : `+${s}`;
};

/**
 * The English sentence of a problem, for logs and API clients that do not translate; screens
 * render `code` and `params` in the reader's language (web/src/i18n/locales/{en,fr}/health.json).
 */
export function englishMessage({ code, params: p, reason }: Sentence): string {
  const sentence = ((): string => {
    switch (code) {
      case "reconnect_required":
        return "QuickBooks no longer accepts this app's access: reconnect the company";
      case "invoice_not_sent":
        return `Invoice ${p.number} was not sent to QuickBooks`;
      case "adjustment_refused":
        return `QuickBooks refused the stock change of ${signed(p.qtyDiff)} to "${p.part}"`;
      case "adjustment_unanswered":
        return `QuickBooks did not answer the stock change of ${signed(p.qtyDiff)} to "${p.part}"`;
      case "import_records_skipped":
        return `${p.count} QuickBooks ${String(p.category).replace("_", "-")} records were skipped by an import`;
      case "webhook_not_applied":
        return `A change to QuickBooks ${p.entity} ${p.entityId} could not be applied after ${p.attempts} tries`;
      case "merge_needs_choice":
        return `QuickBooks merged item ${p.itemRef} of "${p.part}" into item ${p.into}, which "${p.otherPart}" already follows: choose which part keeps the link`;
      case "catch_up_failed":
        return "Catching up with QuickBooks changes failed";
      case "item_deleted":
        return `"${p.part}" was deleted in QuickBooks: unlink it or keep it`;
      case "item_inactive":
        return `"${p.part}" was made inactive in QuickBooks: unlink it or keep it`;
    }
  })();
  const why = reason?.detail ?? reason?.code;
  return why ? `${sentence}: ${why}` : sentence;
}
