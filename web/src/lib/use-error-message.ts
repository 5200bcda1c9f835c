import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "./api-error";

/**
 * What a failure says about itself: an ApiError, or one an answer carries (a job's `error`, a
 * drift fix's result, a 400's field issue).
 */
interface Failure {
  code?: string;
  message?: string;
  reason?: string;
  params?: Record<string, string | number>;
  /** A field issue's path (`body.lines.0.quantity`). */
  path?: string;
}

function asFailure(error: unknown): Failure | undefined {
  if (error instanceof ApiError) return error;
  if (typeof error !== "object" || error === null) return undefined;
  const { code, reason, path } = error as Failure;
  if ([code, reason, path].some((v) => typeof v === "string")) return error;
  return undefined;
}

/**
 * The one way an error reaches the screen, in the reader's language (docs/api.md "Errors"):
 * a `reason` (the precise case, with its `params`) is said in the reader's words; otherwise
 * the words for the `code`. English readers of a failure with no reason get the server's own
 * message, which says the most (it is English); the others never read it.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation("common");
  return useCallback(
    (error: unknown) => {
      const failure = asFailure(error);
      if (!failure) return t("apiErrors.internal_error");
      const general =
        failure.code === undefined && failure.path !== undefined
          ? t("apiErrors.reasons.invalid_value")
          : t(`apiErrors.${failure.code ?? "internal_error"}`, {
              defaultValue: t("apiErrors.internal_error"),
            });
      if (failure.reason)
        return t(`apiErrors.reasons.${failure.reason}`, {
          ...failure.params,
          defaultValue: general,
        });
      const english = i18n.resolvedLanguage?.startsWith("en") ?? true;
      // Errors that never reached the BFF carry the browser's words, not ours.
      const ours = !["network_error", "bad_response", "internal_error"].includes(
        failure.code ?? "",
      );
      const fromServer = error instanceof ApiError || failure.path !== undefined;
      if (english && ours && fromServer && failure.message) return failure.message;
      return general;
    },
    [t, i18n],
  );
}
