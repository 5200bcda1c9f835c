import type {
  Part,
  PartInput,
  PartList,
  PartListQuery,
  PartPatch,
  StockMovementList,
} from "@app/shared";
import type { Db } from "../../db/client.js";
import { notFound } from "../../http/errors.js";
import type { Session } from "../../http/session.js";
import { isUuid } from "../../lib/sql-text.js";
import { toPart, toStockMovement } from "./inventory.mapper.js";
import { lookUpReferences, readableReference } from "./movement-references.js";
import * as movements from "./movements.repository.js";
import { fieldsForCreate, fieldsForPatch } from "./part-fields.js";
import * as repo from "./parts.repository.js";
import { findOrCreateVendor } from "./vendors.repository.js";

export interface InventoryDeps {
  db: Db;
}

const missing = () => notFound("Part");

export async function listParts(deps: InventoryDeps, shopId: string, q: PartListQuery) {
  const { rows, total } = await repo.listParts(deps.db, shopId, q);
  const list: PartList = { items: rows.map(toPart), total, page: q.page, pageSize: q.pageSize };
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

/** A quantity change leaves a "manual" stock movement naming who made it. */
export async function updatePart(
  deps: InventoryDeps,
  s: Session,
  id: string,
  patch: PartPatch,
): Promise<Part> {
  if (!isUuid(id)) throw missing();
  await deps.db.transaction(async (tx) => {
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
    if (fields.quantityAvailable != null) {
      await movements.recordManualMovement(tx, {
        shopId: s.shopId,
        partId: id,
        before: current.quantityAvailable,
        after: fields.quantityAvailable,
        reference: s.name,
      });
    }
  });
  return getPart(deps, s.shopId, id);
}

export async function listMovements(deps: InventoryDeps, shopId: string, id: string) {
  await getPart(deps, shopId, id); // 404 for another shop's part, before reading its history
  const rows = await movements.listMovements(deps.db, shopId, id);
  const found = await lookUpReferences(deps.db, shopId, rows);
  const list: StockMovementList = {
    items: rows.map((row) => toStockMovement(row, readableReference(row, found))),
  };
  return list;
}

export async function unlinkPart(deps: InventoryDeps, shopId: string, id: string): Promise<Part> {
  if (!isUuid(id) || !(await repo.unlinkPart(deps.db, shopId, id))) throw missing();
  return getPart(deps, shopId, id);
}
