/** What every write needs: the company, the (virtual) time, and where change events go. */
import type { Company, EntityName } from "../companies/company.js";
import { metaData } from "../companies/company-builders.js";
import type { Entity } from "../json.js";
import { getObj, getStr } from "../json.js";
import { isoSeconds } from "../time.js";

export type Operation = "Create" | "Update" | "Delete" | "Void" | "Merge";
/** `deletedId` only for Merge: the record merged into `id`. */
export type EmitFn = (
  name: EntityName,
  id: string,
  operation: Operation,
  lastUpdatedMs: number,
  deletedId?: string,
) => void;

export interface WriteCtx {
  company: Company;
  now: number;
  emit: EmitFn;
  /** `?include=allowduplicatedocnum` lifts the 6140 DocNumber uniqueness rule. */
  allowDuplicateDocNum?: boolean;
}

/** Intuit's envelope fields: never taken from a request body. */
export const ENVELOPE_FIELDS = [
  "Id",
  "SyncToken",
  "MetaData",
  "domain",
  "sparse",
  "status",
] as const;

export function withoutEnvelope(e: Entity): Entity {
  const out: Entity = { ...e };
  for (const k of ENVELOPE_FIELDS) delete out[k];
  return out;
}

export function nextSyncToken(e: Entity): string {
  return String(Number(getStr(e, "SyncToken") ?? "0") + 1);
}

/** New envelope after a write: SyncToken + 1, LastUpdatedTime = now, CreateTime kept. */
export function bumpedEnvelope(old: Entity, now: number): Entity {
  const created = getStr(getObj(old, "MetaData"), "CreateTime");
  return {
    Id: getStr(old, "Id") ?? "",
    SyncToken: nextSyncToken(old),
    domain: "QBO",
    sparse: false,
    MetaData: created ? { CreateTime: created, LastUpdatedTime: isoSeconds(now) } : metaData(now),
  };
}

/**
 * A side-effect write (e.g. an invoice lowering QtyOnHand): Intuit bumps SyncToken and
 * LastUpdatedTime for these too (docs/quickbooks.md §4.6), and they produce webhook Update events.
 */
export function sideEffectWrite(
  ctx: WriteCtx,
  type: EntityName,
  id: string,
  changes: Entity,
): void {
  const row = ctx.company.get(type, id);
  if (!row) return;
  const next: Entity = { ...row.e, ...changes, ...bumpedEnvelope(row.e, ctx.now) };
  ctx.company.put(type, next, ctx.now);
  ctx.emit(type, id, "Update", ctx.now);
}
