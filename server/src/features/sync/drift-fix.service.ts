import type { DriftField, DriftFixRequest, DriftFixResponse, DriftFixResult } from "@app/shared";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { parts, syncOwnWrites } from "../../db/schema/index.js";
import { type QboClient, boundToRealm } from "../../integrations/qbo/client.js";
import { currentRealm } from "../quickbooks-links/realm.repository.js";
import { QboError } from "../../integrations/qbo/errors.js";
import type { QboItem } from "../../integrations/qbo/schemas.js";
import { optionalDecimal } from "../imports/decimal.js";
import { moveQuantity } from "./apply-item.js";
import { subtract } from "./decimal-math.js";
import { type LinkedPart, driftRow, linkedParts } from "./drift.service.js";
import { lockItemState, saveItemState, syncTokenOf } from "./item-state.repository.js";
import { withOwnQuantityWrites } from "./own-writes.js";
import { databaseNow, readItem } from "./read-item.js";
import { logChange } from "./sync-log.repository.js";

interface Deps {
  db: Db;
  client: QboClient;
}

export const ADJUSTMENT_UNSUPPORTED =
  "This QuickBooks company does not accept inventory adjustments through the API. Adjust the quantity in QuickBooks, or take QuickBooks' value.";

/** Per part and field, take QuickBooks' value or push ours; every outcome is reported. */
export async function fixDrift(
  given: Deps,
  shopId: string,
  req: DriftFixRequest,
): Promise<DriftFixResponse> {
  // The parts' refs are the connected company's: every read and push is held to it.
  const deps = {
    ...given,
    client: boundToRealm(given.client, await currentRealm(given.db, shopId)),
  };
  const found = await linkedParts(deps.db, shopId, req.partIds);
  const results: DriftFixResult[] = [];
  for (const id of req.partIds.filter((id) => !found.some((p) => p.id === id)))
    results.push({
      partId: id,
      field: "quantity",
      outcome: "failed",
      message: "Part not found or not linked",
    });
  for (const part of found) results.push(...(await fixPart(deps, shopId, part, req)));
  return { results };
}

async function fixPart(deps: Deps, shopId: string, part: LinkedPart, req: DriftFixRequest) {
  const readStartedAt = await databaseNow(deps.db);
  const change = await readItem(deps.client, shopId, part.quickBooksItemRef);
  const fields = req.fields ?? (["quantity", "cost", "retailCost"] as DriftField[]);
  if (change?.kind !== "item")
    return fields.map((field) => failed(part.id, field, "The QuickBooks item no longer exists"));
  const row = driftRow(part, change.item);
  const todo = fields.filter((f) => row.differences.includes(f));
  const untouched = fields
    .filter((f) => !todo.includes(f))
    .map((field): DriftFixResult => ({ partId: part.id, field, outcome: "unchanged" }));
  if (todo.length === 0) return untouched;
  const done =
    req.action === "take_quickbooks"
      ? await takeQuickBooks(deps.db, shopId, part, change.item, todo, readStartedAt)
      : await pushShopmonkey(deps, shopId, part, change.item, todo);
  return [...untouched, ...done];
}

async function takeQuickBooks(
  db: Db,
  shopId: string,
  part: LinkedPart,
  item: QboItem,
  fields: DriftField[],
  readStartedAt: Date,
): Promise<DriftFixResult[]> {
  const qbo = driftRow(part, item).quickBooks;
  if (!qbo) return fields.map((f) => failed(part.id, f, "The QuickBooks item no longer exists"));
  await db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(parts)
      .where(and(eq(parts.id, part.id), eq(parts.shopId, shopId)))
      .for("update");
    if (!locked) return;
    const changes = [];
    for (const f of ["cost", "retailCost"] as const)
      if (fields.includes(f)) changes.push({ field: f, from: locked[f], to: qbo[f] });
    if (changes.length > 0)
      await tx
        .update(parts)
        .set({ ...Object.fromEntries(changes.map((c) => [c.field, c.to])), updatedAt: sql`now()` })
        .where(eq(parts.id, part.id));
    if (fields.includes("quantity") && qbo.quantity !== null) {
      const delta = subtract(qbo.quantity, locked.quantityAvailable ?? "0");
      changes.push(await moveQuantity(tx, locked, delta, `quickbooks:drift:${item.Id}`));
      // QuickBooks' value is now ours: measure its next changes from here. Own writes sent
      // before this read are part of that value.
      await lockItemState(tx, shopId, item.Id);
      await saveItemState(tx, shopId, item.Id, {
        qboQuantity: qbo.quantity,
        syncToken: syncTokenOf(item.SyncToken),
      });
      await tx
        .update(syncOwnWrites)
        .set({ status: "consumed" })
        .where(
          and(
            eq(syncOwnWrites.shopId, shopId),
            eq(syncOwnWrites.itemRef, item.Id),
            inArray(syncOwnWrites.status, ["sent"]),
            sql`${syncOwnWrites.sentAt} < ${readStartedAt}`,
          ),
        );
    }
    await logChange(tx, {
      shopId,
      partId: part.id,
      itemRef: item.Id,
      name: item.Name,
      source: "drift_fix",
      changes,
    });
  });
  return fields.map((field) => ({ partId: part.id, field, outcome: "fixed" }));
}

async function pushShopmonkey(
  deps: Deps,
  shopId: string,
  part: LinkedPart,
  item: QboItem,
  fields: DriftField[],
): Promise<DriftFixResult[]> {
  const results: DriftFixResult[] = [];
  const prices = fields.filter((f): f is "cost" | "retailCost" => f !== "quantity");
  if (prices.length > 0) {
    try {
      await deps.client.call(shopId, {
        method: "POST",
        path: "item",
        body: {
          Id: item.Id,
          SyncToken: item.SyncToken,
          sparse: true,
          ...(prices.includes("cost") ? { PurchaseCost: Number(part.cost) } : {}),
          ...(prices.includes("retailCost") ? { UnitPrice: Number(part.retailCost) } : {}),
        },
      });
      results.push(
        ...prices.map((field): DriftFixResult => ({ partId: part.id, field, outcome: "fixed" })),
      );
    } catch (err) {
      results.push(...prices.map((f) => failed(part.id, f, messageOf(err))));
    }
  }
  if (fields.includes("quantity")) results.push(await pushQuantity(deps, shopId, part, item));
  return results;
}

/** Quantities move in QuickBooks through an InventoryAdjustment (QBO Plus/Advanced, US). */
async function pushQuantity(
  deps: Deps,
  shopId: string,
  part: LinkedPart,
  item: QboItem,
): Promise<DriftFixResult> {
  const qty = subtract(part.quantityAvailable ?? "0", optionalDecimal(item.QtyOnHand) ?? "0");
  const account = (item as { ExpenseAccountRef?: { value?: string } }).ExpenseAccountRef;
  try {
    await withOwnQuantityWrites(
      deps.db,
      shopId,
      `drift:push:${part.id}`,
      [{ itemRef: item.Id, quantityDelta: qty }],
      () =>
        deps.client.call(shopId, {
          method: "POST",
          path: "inventoryadjustment",
          body: {
            ...(account?.value ? { AdjustAccountRef: { value: account.value } } : {}),
            PrivateNote: "Shopmonkey drift report: quantity pushed from Shopmonkey",
            Line: [
              {
                DetailType: "ItemAdjustmentLineDetail",
                ItemAdjustmentLineDetail: { ItemRef: { value: item.Id }, QtyDiff: Number(qty) },
              },
            ],
          },
        }),
    );
    return { partId: part.id, field: "quantity", outcome: "fixed" };
  } catch (err) {
    if (err instanceof QboError && err.kind === "fault")
      return {
        partId: part.id,
        field: "quantity",
        outcome: "unsupported",
        message: ADJUSTMENT_UNSUPPORTED,
      };
    return failed(part.id, "quantity", messageOf(err));
  }
}

const failed = (partId: string, field: DriftField, message: string): DriftFixResult => ({
  partId,
  field,
  outcome: "failed",
  message,
});

const messageOf = (err: unknown) =>
  err instanceof Error ? err.message : "QuickBooks refused the change";
