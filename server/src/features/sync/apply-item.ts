import type { SyncFieldChange } from "@app/shared";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { parts, stockMovements, syncOwnWrites } from "../../db/schema/index.js";
import type { QboItem } from "../../integrations/qbo/schemas.js";
import { optionalDecimal } from "../../integrations/qbo/numbers.js";
import { add, isZero } from "../../lib/decimal.js";
import { lockItemState, saveItemState, syncTokenOf } from "./item-state.repository.js";
import { type PartRow, followItemFields } from "./part-fields.js";
import { planQuantity } from "./quantity.js";
import { keepInSync } from "./settings.repository.js";
import {
  type ChangeSource,
  clearInactiveNotice,
  logChange,
  raiseNotice,
} from "./sync-log.repository.js";

/** A fresh read of an item, or QuickBooks saying it is gone. */
export type ItemChange = { kind: "item"; item: QboItem } | { kind: "deleted"; itemRef: string };

export type ApplyOutcome =
  | "applied" // something changed here
  | "unchanged" // read, nothing new
  | "stale" // an equal or newer version was already applied
  | "not_linked"
  | "wait"; // our own write may still be landing: read again shortly

/**
 * Applies one item read to its linked part, once. The item's SyncToken orders reads, so a
 * repeated, batched or out-of-order event (or a webhook and CDC carrying the same change)
 * changes the part at most once; the row lock serializes concurrent readers of one item.
 */
export async function applyItemChange(
  db: Db,
  shopId: string,
  /** The company the change was read from: only a part linked within it can be changed. */
  realmId: string,
  change: ItemChange,
  source: ChangeSource,
  readStartedAt: Date,
): Promise<ApplyOutcome> {
  const itemRef = change.kind === "item" ? change.item.Id : change.itemRef;
  return db.transaction(async (tx) => {
    const [part] = await tx
      .select()
      .from(parts)
      .where(
        and(
          eq(parts.shopId, shopId),
          eq(parts.quickBooksRealmId, realmId),
          eq(parts.quickBooksItemRef, itemRef),
        ),
      )
      .for("update");
    if (!part) return "not_linked";
    if (change.kind === "deleted") {
      const raised = await raiseNotice(tx, { shopId, partId: part.id, itemRef, kind: "deleted" });
      return raised ? "applied" : "unchanged";
    }
    const { item } = change;
    const { state, fresh } = await lockItemState(tx, shopId, itemRef);
    const token = syncTokenOf(item.SyncToken);
    if (token !== null && state.syncToken !== null && token <= state.syncToken) return "stale";

    const keep = await keepInSync(tx, shopId, part.kind);
    const changes: SyncFieldChange[] = [];
    const qboQuantity =
      part.kind === "inventory" && item.TrackQtyOnHand !== false
        ? optionalDecimal(item.QtyOnHand)
        : null;
    let consumed: string[] = [];
    if (qboQuantity !== null) {
      const plan = await planQuantity(tx, {
        shopId,
        partId: part.id,
        itemRef,
        localQuantity: part.quantityAvailable,
        baseline:
          fresh || state.qboQuantity === null
            ? undefined
            : { quantity: state.qboQuantity, at: state.updatedAt },
        qboQuantity,
        readStartedAt,
      });
      if (plan.kind === "wait") return "wait";
      consumed = plan.consumeOwnWrites;
      if (keep && !isZero(plan.localDelta))
        changes.push(
          await moveQuantity(
            tx,
            part,
            plan.localDelta,
            `quickbooks:item:${itemRef}:${item.SyncToken ?? ""}`,
          ),
        );
    }
    if (keep) changes.push(...(await followItemFields(tx, part, item)));
    if (item.Active === false)
      await raiseNotice(tx, { shopId, partId: part.id, itemRef, kind: "inactive" });
    else await clearInactiveNotice(tx, shopId, part.id);
    if (consumed.length > 0)
      await tx
        .update(syncOwnWrites)
        .set({ status: "consumed" })
        .where(inArray(syncOwnWrites.id, consumed));
    await saveItemState(tx, shopId, itemRef, {
      syncToken: token,
      qboQuantity: qboQuantity ?? state.qboQuantity,
      qboUpdatedAt: lastUpdated(item),
    });
    await logChange(tx, { shopId, partId: part.id, itemRef, name: item.Name, source, changes });
    return changes.length > 0 ? "applied" : "unchanged";
  });
}

/** Changes the part's quantity by `delta` and records why (a "quickbooks" stock movement). */
export async function moveQuantity(
  tx: Db,
  part: Pick<PartRow, "id" | "shopId" | "quantityAvailable">,
  delta: string,
  reference: string,
): Promise<SyncFieldChange> {
  const before = part.quantityAvailable ?? "0";
  const after = add(before, delta);
  await tx
    .update(parts)
    .set({ quantityAvailable: after, updatedAt: sql`now()` })
    .where(and(eq(parts.id, part.id), eq(parts.shopId, part.shopId)));
  await tx.insert(stockMovements).values({
    shopId: part.shopId,
    partId: part.id,
    delta,
    quantityAfter: after,
    reason: "quickbooks",
    reference,
  });
  return { field: "quantity", from: before, to: after };
}

function lastUpdated(item: QboItem): Date | null {
  const meta = (item as { MetaData?: { LastUpdatedTime?: unknown } }).MetaData;
  const t = typeof meta?.LastUpdatedTime === "string" ? Date.parse(meta.LastUpdatedTime) : NaN;
  return Number.isNaN(t) ? null : new Date(t);
}
