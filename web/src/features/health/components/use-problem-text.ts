import { ErrorCodeSchema, type Problem, type ProblemReason } from "@app/shared";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../lib/api-error";
import { useErrorMessage } from "../../../lib/use-error-message";

/**
 * A problem's sentence and reason in the reader's language, from its code and params (the
 * server's `message` is English, for logs). A reason with a code is translated: QuickBooks'
 * refusals we know here, API error codes through useErrorMessage; one with only words shows
 * them as they are (QuickBooks' own), inside our translated sentence.
 */
export function useProblemText() {
  const { t, i18n } = useTranslation("health");
  const errorMessage = useErrorMessage();
  const language = i18n.resolvedLanguage ?? "en";

  const sentence = useCallback(
    (p: Problem): string => {
      const params: Record<string, string | number> = { ...p.params };
      if (typeof p.params.qtyDiff === "string" || typeof p.params.qtyDiff === "number")
        params.qty = new Intl.NumberFormat(language, { signDisplay: "exceptZero" }).format(
          Number(p.params.qtyDiff),
        );
      if (typeof p.params.category === "string")
        params.category = t(`categories.${p.params.category}`, {
          defaultValue: p.params.category,
        });
      if (typeof p.params.entity === "string")
        params.entity = t(`entities.${p.params.entity}`, { defaultValue: p.params.entity });
      return t(`messages.${p.code}`, params);
    },
    [t, language],
  );

  const reason = useCallback(
    (r: ProblemReason | null): string | null => {
      if (!r) return null;
      if (r.code && i18n.exists(`health:reasons.${r.code}`)) return t(`reasons.${r.code}`);
      const code = ErrorCodeSchema.safeParse(r.code);
      if (code.success) return errorMessage(new ApiError(0, code.data, r.detail ?? ""));
      return r.detail ?? r.code;
    },
    [t, i18n, errorMessage],
  );

  return { sentence, reason };
}
