import { currentLanguage } from "../../../i18n";
import { toApiError } from "../../../lib/api-error";
import { getSession } from "../../../lib/session";

/**
 * The CSV comes in the reader's language (`?lang=`, docs/api.md). It needs the session's bearer token, which a plain link can't carry: fetch it, then
 * hand the browser a short-lived object URL to save.
 */
export async function downloadRecordsCsv(id: string): Promise<void> {
  const token = await getSession().getToken();
  const lang = currentLanguage();
  const res = await fetch(
    `/api/quickbooks/imports/${encodeURIComponent(id)}/records.csv?lang=${lang}`,
    { headers: { Authorization: `Bearer ${token}` } },
  );
  if (!res.ok) throw await toApiError(res);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = `quickbooks-import-${id}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
