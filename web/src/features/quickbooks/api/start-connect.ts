import { AuthorizeResponseSchema } from "@app/shared";
import { apiFetch } from "../../../lib/api-client";

/** Asks the BFF for Intuit's consent URL (with a fresh single-use state). */
export async function startConnect(): Promise<string> {
  const { authorizeUrl } = await apiFetch("/api/quickbooks/connection", {
    method: "POST",
    schema: AuthorizeResponseSchema,
  });
  return authorizeUrl;
}
