import type {
  Part,
  PartInput,
  PartList,
  PartListQuery,
  PartPatch,
  StockMovementList,
} from "@app/shared";
import type { Db } from "../../db/client.js";
import { conflict, notFound } from "../../http/errors.js";
import type { Session } from "../../http/session.js";
import { isUuid } from "../../lib/sql-text.js";
import { toPart, toStockMovement } from "./inventory.mapper.js";
import { lookUpReferences, readableReference } from "./movement-references.js";
import * as adjustments from "./quickbooks/adjustments.repository.js";
import type { AdjustmentQueue } from "./quickbooks/adjustment.worker.js";
import { queueCountToQuickBooks } from "./quickbooks/count-to-quickbooks.js";
import * as movements from "./movements.repository.js";
import { fieldsForCreate, fieldsForPatch } from "./part-fields.js";
import * as repo from "./parts.repository.js";
import { findOrCreateVendor } from "./vendors.repository.js";
import { unlinkPart as unlinkItemLink } from "../quickbooks-links/item-link.js";

export interface InventoryDeps {
  db: Db;
  /** Set where this process runs the adjustment sender; without it adjustments wait for a sweep. */
  adjustmentQueue?: AdjustmentQueue;
}

const missing = () => notFound("Part");

export async function listParts(deps: InventoryDeps, shopId: string, q: PartListQuery) {
  const { rows, total, totalExact } = await repo.listParts(deps.db, shopId, q);
  const list: PartList = {
    items: rows.map(toPart),
    total,
    totalExact,
    page: q.page,
    pageSize: q.pageSize,
  };
  return list;
}

export async function getPart(deps: InventoryDeps, shopId: string, id: string): Promise<Part> {
  const row = isUuid(id) ? await repo.findPart(deps.db, shopId, id) : undefined;
  if (!row) throw missing();
  return toPart(row);
}

/** null clears the vendor; undefined leaves it; a name finds or creates the shop's vendor. */
async function vendorIdFor(db: Db, shopId: string, name: string | null | undefined) {
  if (name === undefined) return undefined;
  return name ? findOrCreateVendor(db, shopId, name) : null;
}

export async function createPart(deps: InventoryDeps, s: Session, input: PartInput): Promise<Part> {
  const id = await deps.db.transaction(async (tx) => {
    const vendorId = (await vendorIdFor(tx, s.shopId, input.vendorName)) ?? null;
    const fields = fieldsForCreate(input);
    const partId = await repo.insertPart(tx, s.shopId, { ...fields, vendorId });
    if (fields.quantityAvailable != null) {
      const move = { before: null, after: fields.quantityAvailable, reference: s.name };
      await movements.recordManualMovement(tx, { shopId: s.shopId, partId, ...move });
    }
    return partId;
  });
  return getPart(deps, s.shopId, id);
}

/**
 * A quantity change leaves a "manual" stock movement naming who made it, and for a part that
 * follows QuickBooks an adjustment stored with it (sent after the commit, and by the sweep).
 */
export async function updatePart(
  deps: InventoryDeps,
  s: Session,
  id: string,
  patch: PartPatch,
): Promise<Part> {
  if (!isUuid(id)) throw missing();
  const queued = await deps.db.transaction(async (tx) => {
    const current = await repo.lockPart(tx, s.shopId, id);
    if (!current) throw missing();
    const vendorId = await vendorIdFor(tx, s.shopId, patch.vendorName);
    const fields = fieldsForPatch(current, patch);
    await repo.updatePart(
      tx,
      s.shopId,
      id,
      vendorId === undefined ? fields : { ...fields, vendorId },
    );
    if (fields.quantityAvailable == null) return false;
    const moved = await movements.recordManualMovement(tx, {
      shopId: s.shopId,
      partId: id,
      before: current.quantityAvailable,
      after: fields.quantityAvailable,
      reference: s.name,
    });
    return moved
      ? queueCountToQuickBooks(tx, { ...current, shopId: s.shopId, partId: id }, moved)
      : false;
  });
  if (queued) await deps.adjustmentQueue?.enqueue(s.shopId, id);
  return getPart(deps, s.shopId, id);
}

export async function listMovements(deps: InventoryDeps, shopId: string, id: string) {
  await getPart(deps, shopId, id); // 404 for another shop's part, before reading its history
  const [rows, sent] = await Promise.all([
    movements.listMovements(deps.db, shopId, id),
    adjustments.adjustmentsOfPart(deps.db, shopId, id),
  ]);
  const found = await lookUpReferences(deps.db, shopId, rows);
  const byMovement = new Map(sent.filter((a) => a.movementId).map((a) => [a.movementId, a]));
  const list: StockMovementList = {
    items: rows.map((m) => toStockMovement(m, readableReference(m, found), byMovement.get(m.id))),
  };
  return list;
}

/** Sends a failed adjustment again (same requestid after silence, a new one after a refusal). */
export async function retryAdjustment(
  deps: InventoryDeps,
  shopId: string,
  id: string,
  adjustmentId: string,
) {
  await getPart(deps, shopId, id);
  if (!isUuid(adjustmentId)) throw notFound("Adjustment");
  const row = await adjustments.requeue(deps.db, shopId, id, adjustmentId);
  if (!row) {
    const existing = await adjustments.findAdjustment(deps.db, shopId, id, adjustmentId);
    if (!existing) throw notFound("Adjustment");
    if (existing.status !== "pending")
      throw conflict(`This adjustment is ${existing.status}; only a failed one can be retried`, {
        reason: "adjustment_not_retryable",
      });
  }
  await deps.adjustmentQueue?.enqueue(shopId, id);
  return listMovements(deps, shopId, id);
}

export async function unlinkPart(deps: InventoryDeps, shopId: string, id: string): Promise<Part> {
  if (!isUuid(id) || !(await deps.db.transaction((tx) => unlinkItemLink(tx, shopId, id))))
    throw missing();
  return getPart(deps, shopId, id);
}
