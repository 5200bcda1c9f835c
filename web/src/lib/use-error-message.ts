import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "./api-error";

/**
 * The one way an error reaches the screen, in the reader's language. The BFF's `message` is
 * English and written for the case at hand; `code` is stable. English readers get the
 * server's own words (they say the most); others get the translated words for the code.
 */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation("common");
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        const english = i18n.resolvedLanguage?.startsWith("en") ?? true;
        // Errors that never reached the BFF carry the browser's words, not ours.
        const ours = !["network_error", "bad_response", "internal_error"].includes(error.code);
        if (english && ours && error.message) return error.message;
        return t(`apiErrors.${error.code}`, { defaultValue: t("apiErrors.internal_error") });
      }
      return t("apiErrors.internal_error");
    },
    [t, i18n],
  );
}
