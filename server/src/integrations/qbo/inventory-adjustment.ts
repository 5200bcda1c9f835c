import { z } from "zod";
import { toJsonNumber } from "./numbers.js";
import type { QboClient } from "./client.js";

/**
 * One stock change sent to QuickBooks as an InventoryAdjustment (developer.intuit.com, Manage
 * inventory → Inventory adjustment; Plus/Advanced in the US only): one line on one item with
 * `QtyDiff` = the change, booked against `AdjustAccountRef`.
 *
 * The caller passes the `requestId` it stored with the change before calling, so a retry, a
 * lost answer or a restart after a crash replays Intuit's first answer instead of adjusting
 * twice (docs/quickbooks.md §2: "the same response as the original"; ≤ 50 characters).
 */
export interface AdjustmentInput {
  itemId: string;
  /** Decimal text, e.g. "5" or "-2.25"; never zero. */
  qtyDiff: string;
  adjustAccountId: string;
  /** YYYY-MM-DD; QuickBooks uses the company's today when absent. */
  txnDate?: string;
  /** Shown on the adjustment in QuickBooks (e.g. where the count came from). */
  privateNote?: string;
}

const AdjustmentSchema = z.looseObject({
  InventoryAdjustment: z.looseObject({
    Id: z.string(),
    SyncToken: z.string().optional(),
    TxnDate: z.string().optional(),
    Line: z
      .array(
        z.looseObject({
          ItemAdjustmentLineDetail: z.looseObject({ QtyDiff: z.number().optional() }).optional(),
        }),
      )
      .optional(),
  }),
});

export interface CreatedAdjustment {
  id: string;
  txnDate?: string;
  /** What QuickBooks applied, as it answered. */
  qtyDiff?: number;
}

const MAX_REQUEST_ID = 50;

export async function createInventoryAdjustment(
  client: QboClient,
  shopId: string,
  input: AdjustmentInput,
  requestId: string,
): Promise<CreatedAdjustment> {
  if (requestId.length === 0 || requestId.length > MAX_REQUEST_ID)
    throw new RangeError(`requestid must be 1..${MAX_REQUEST_ID} characters`);
  const qtyDiff = toJsonNumber(input.qtyDiff);
  if (qtyDiff === 0) throw new RangeError("an adjustment of zero changes nothing");
  const raw = await client.call(shopId, {
    method: "POST",
    path: "inventoryadjustment",
    requestId,
    body: {
      AdjustAccountRef: { value: input.adjustAccountId },
      ...(input.txnDate ? { TxnDate: input.txnDate } : {}),
      ...(input.privateNote ? { PrivateNote: input.privateNote } : {}),
      Line: [
        {
          DetailType: "ItemAdjustmentLineDetail",
          ItemAdjustmentLineDetail: { ItemRef: { value: input.itemId }, QtyDiff: qtyDiff },
        },
      ],
    },
  });
  const adj = AdjustmentSchema.parse(raw).InventoryAdjustment;
  const applied = adj.Line?.[0]?.ItemAdjustmentLineDetail?.QtyDiff;
  return {
    id: adj.Id,
    ...(adj.TxnDate ? { txnDate: adj.TxnDate } : {}),
    ...(applied !== undefined ? { qtyDiff: applied } : {}),
  };
}
