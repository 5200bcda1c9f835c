import type { DriftField, DriftFixRequest, DriftFixResponse, DriftFixResult } from "@app/shared";
import type { Said } from "../../http/errors.js";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { parts, stockAdjustments, syncOwnWrites } from "../../db/schema/index.js";
import { type QboClient, boundToRealm } from "../../integrations/qbo/client.js";
import { currentRealm } from "../quickbooks-links/realm.repository.js";
import type { Logger } from "../../lib/logger.js";
import {
  queueAdjustment,
  supersedeFailed,
} from "../inventory/quickbooks/adjustments.repository.js";
import { sendPartAdjustments } from "../inventory/quickbooks/send-adjustments.js";
import type { QboItem } from "../../integrations/qbo/schemas.js";
import { optionalDecimal } from "../../integrations/qbo/numbers.js";
import { moveQuantity } from "./apply-item.js";
import { isZero, subtract } from "../../lib/decimal.js";
import { type LinkedPart, driftRow, linkedParts } from "./drift.service.js";
import { lockItemState, saveItemState, syncTokenOf } from "./item-state.repository.js";
import { databaseNow, readItem } from "./read-item.js";
import { logChange } from "./sync-log.repository.js";

interface Deps {
  db: Db;
  client: QboClient;
  logger: Logger;
  /** Who asked for a push (shown on the adjustment in QuickBooks). */
  origin?: "drift" | "reconcile";
}

export const ADJUSTMENT_UNSUPPORTED =
  "This QuickBooks company does not accept this inventory adjustment. Adjust the quantity in QuickBooks, or take QuickBooks' value.";

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
      reason: "part_not_linked",
    });
  for (const part of found) results.push(...(await fixPart(deps, shopId, part, req)));
  return { results };
}

async function fixPart(deps: Deps, shopId: string, part: LinkedPart, req: DriftFixRequest) {
  const readStartedAt = await databaseNow(deps.db);
  const change = await readItem(deps.client, shopId, part.quickBooksItemRef);
  const fields = req.fields ?? (["quantity", "cost", "retailCost"] as DriftField[]);
  if (change?.kind !== "item")
    return fields.map((field) =>
      failed(part.id, field, "The QuickBooks item no longer exists", { reason: "item_gone" }),
    );
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
  if (!qbo)
    return fields.map((f) =>
      failed(part.id, f, "The QuickBooks item no longer exists", { reason: "item_gone" }),
    );
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
      // QuickBooks' value is now ours: measure its next changes from here.
      await acceptAsBaseline(tx, shopId, item, qbo.quantity, readStartedAt);
      await supersedeFailed(tx, shopId, part.id, "take", SUPERSEDED_BY_TAKE);
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
      results.push(
        ...prices.map((f) => failed(part.id, f, messageOf(err), refusal(messageOf(err)))),
      );
    }
  }
  if (fields.includes("quantity"))
    results.push(await pushQuantity(deps, shopId, part, deps.origin ?? "drift"));
  return results;
}

/**
 * QuickBooks' quantity as read is settled (taken here, or overridden by our push): its next
 * changes are measured from it. Own writes sent before this read are part of that value.
 */
async function acceptAsBaseline(
  tx: Db,
  shopId: string,
  item: QboItem,
  quantity: string,
  readStartedAt: Date,
): Promise<void> {
  await lockItemState(tx, shopId, item.Id);
  await saveItemState(tx, shopId, item.Id, {
    qboQuantity: quantity,
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

/**
 * Quantities move in QuickBooks through an InventoryAdjustment (QBO Plus/Advanced, US), sent
 * the way every stock change is (stored first, exactly once, after the part's earlier ones):
 * those still on their way go first, then the difference that remains is sent.
 */
async function pushQuantity(
  deps: Deps,
  shopId: string,
  part: LinkedPart,
  origin: "drift" | "reconcile",
): Promise<DriftFixResult> {
  const send = { db: deps.db, client: deps.client, logger: deps.logger };
  if ((await sendPartAdjustments(send, shopId, part.id)) === "retry")
    return failed(part.id, "quantity", UNANSWERED, { reason: "quickbooks_unanswered" });
  const [current] = await deps.db
    .select({ quantity: parts.quantityAvailable })
    .from(parts)
    .where(and(eq(parts.id, part.id), eq(parts.shopId, shopId)));
  const readStartedAt = await databaseNow(deps.db);
  const change = await readItem(deps.client, shopId, part.quickBooksItemRef);
  if (change?.kind !== "item")
    return failed(part.id, "quantity", "The QuickBooks item no longer exists", {
      reason: "item_gone",
    });
  const qboQuantity = optionalDecimal(change.item.QtyOnHand) ?? "0";
  const qty = subtract(current?.quantity ?? "0", qboQuantity);
  if (isZero(qty)) {
    await supersedeFailed(deps.db, shopId, part.id, "push", SUPERSEDED_BY_PUSH);
    return { partId: part.id, field: "quantity", outcome: "fixed" };
  }
  const queued = await deps.db.transaction(async (tx) => {
    // Shopmonkey's value wins: QuickBooks' quantity as just read is overridden, not news to
    // apply here later, so it becomes the baseline and only our adjustment is on top of it.
    await acceptAsBaseline(tx, shopId, change.item, qboQuantity, readStartedAt);
    await supersedeFailed(tx, shopId, part.id, "push", SUPERSEDED_BY_PUSH);
    return queueAdjustment(tx, {
      shopId,
      partId: part.id,
      movementId: null,
      origin,
      realmId: part.quickBooksRealmId ?? "",
      itemRef: part.quickBooksItemRef,
      qtyDiff: qty,
    });
  });
  await sendPartAdjustments(send, shopId, part.id);
  const [row] = await deps.db
    .select()
    .from(stockAdjustments)
    .where(eq(stockAdjustments.id, queued.id));
  if (row?.status === "sent") return { partId: part.id, field: "quantity", outcome: "fixed" };
  if (row?.status === "failed" && row.errorCode === "quickbooks_6000")
    return {
      partId: part.id,
      field: "quantity",
      outcome: "unsupported",
      message: `${ADJUSTMENT_UNSUPPORTED} (${row.error ?? ""})`,
      reason: "adjustment_unsupported",
      params: { detail: row.error ?? "" },
    };
  if (row?.status === "failed") {
    const detail = row.error ?? "QuickBooks refused the adjustment";
    return failed(part.id, "quantity", detail, refusal(detail));
  }
  return failed(part.id, "quantity", UNANSWERED, { reason: "quickbooks_unanswered" });
}

const SUPERSEDED_BY_TAKE =
  "Not sent: QuickBooks' quantity was taken afterwards, so this change no longer applies.";
const SUPERSEDED_BY_PUSH =
  "Not sent on its own: Shopmonkey's quantity was pushed to QuickBooks afterwards, this change included.";

const UNANSWERED =
  "QuickBooks did not answer yet; the adjustment is stored and will be sent again shortly.";

/** `message` is English (logs, scripts); `reason` and `params` are what the web says. */
const failed = (
  partId: string,
  field: DriftField,
  message: string,
  said: Said,
): DriftFixResult => ({
  partId,
  field,
  outcome: "failed",
  message,
  ...said,
});

/** QuickBooks' own words (Intuit's), inside a sentence in the reader's language. */
const refusal = (detail: string): Said => ({
  reason: "quickbooks_refused_change",
  params: { detail },
});

const messageOf = (err: unknown) =>
  err instanceof Error ? err.message : "QuickBooks refused the change";
