import { QboError } from "../../../integrations/qbo/errors.js";

/** A failed job's `error`, in the codes the SPA already knows (docs/api.md). */
export function describeFailure(err: unknown): { errorCode: string; errorMessage: string } {
  if (err instanceof QboError) {
    switch (err.kind) {
      case "not_connected":
        return {
          errorCode: "quickbooks_not_connected",
          errorMessage: "QuickBooks is not connected",
        };
      case "reconnect_required":
      case "unauthorized":
        return {
          errorCode: "quickbooks_reconnect_required",
          errorMessage: "QuickBooks needs to be reconnected before importing",
        };
      case "realm_changed":
        return { errorCode: "quickbooks_company_changed", errorMessage: err.message };
      default:
        return {
          errorCode: "quickbooks_unavailable",
          errorMessage: `QuickBooks did not answer: ${err.message}`,
        };
    }
  }
  return {
    errorCode: "internal_error",
    errorMessage: "The import stopped because of an error on our side",
  };
}
