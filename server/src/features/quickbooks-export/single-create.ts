import { createHash } from "node:crypto";
import type { Part } from "@app/shared";
import { AppError, conflict, notFound } from "../../http/errors.js";
import { isFault } from "../../integrations/qbo/errors.js";
import { QboItemSchema } from "../../integrations/qbo/schemas.js";
import { findPart } from "../inventory/parts.repository.js";
import { toPart } from "../inventory/inventory.mapper.js";
import { defaultItemAccounts } from "./accounts.js";
import type { ExportDeps } from "./create-export.js";
import { itemBody, today } from "../quickbooks-links/item-fields.js";
import { boundToRealm } from "../../integrations/qbo/client.js";
import { currentRealm } from "../quickbooks-links/realm.repository.js";
import { linkPart } from "../quickbooks-links/item-link.js";
import { ensureQuickBooksVendors } from "./vendor-refs.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * "Create in QuickBooks" from a part's page. The requestid is the part plus a digest of what
 * we send (start date aside): a double click or a retry replays the first answer, while a
 * part edited after a refusal (say, renamed after a 6240) is a new request.
 */
export async function createItemForPart(
  deps: ExportDeps,
  shopId: string,
  partId: string,
): Promise<Part> {
  const row = UUID.test(partId) ? await findPart(deps.db, shopId, partId) : undefined;
  if (!row) throw notFound("Part");
  if (row.quickBooksItemRef)
    throw conflict("This part is already linked to a QuickBooks item", {
      reason: "part_already_linked",
    });
  const realmId = await currentRealm(deps.db, shopId);
  const client = boundToRealm(deps.qbo.client, realmId);
  const accounts = await defaultItemAccounts(client, shopId);
  const vendorRefs = await ensureQuickBooksVendors(deps.db, client, shopId, realmId, [
    row.vendorId,
  ]);
  const body = itemBody(
    row,
    accounts,
    today(),
    row.vendorId ? vendorRefs.get(row.vendorId) : undefined,
  );
  const { InvStartDate: _date, ...stable } = body;
  const digest = createHash("sha256").update(JSON.stringify(stable)).digest("hex").slice(0, 12);
  let answer: { Item?: unknown };
  try {
    answer = await client.call(shopId, {
      method: "POST",
      path: "item",
      body,
      requestId: `p${partId.replace(/-/g, "")}${digest}`,
    });
  } catch (err) {
    if (isFault(err, "6240"))
      throw conflict(
        `QuickBooks already has an item named "${String(body.Name)}"`,
        { reason: "quickbooks_name_taken", params: { name: String(body.Name) } },
        { code: "6240" },
      );
    if (isFault(err))
      throw new AppError(
        400,
        "validation_failed",
        `QuickBooks refused the item: ${err.message}`,
        [{ path: "part", message: err.details.detail ?? err.message }],
        // QuickBooks' own words stay as Intuit wrote them, inside a sentence in ours.
        { reason: "quickbooks_refused", params: { detail: err.details.detail ?? err.message } },
      );
    throw err;
  }
  const item = QboItemSchema.parse(answer.Item);
  await deps.db.transaction((tx) => linkPart(tx, shopId, realmId, partId, item));
  const linked = await findPart(deps.db, shopId, partId);
  if (!linked) throw notFound("Part");
  return toPart(linked);
}
