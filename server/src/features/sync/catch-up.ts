import { z } from "zod";
import { boundToRealm } from "../../integrations/qbo/client.js";
import { QboCustomerSchema, QboItemSchema } from "../../integrations/qbo/schemas.js";
import { applyCustomerChange } from "./apply-customer.js";
import { refreshCapabilities } from "../quickbooks-connection/capabilities.js";
import { findConnection } from "../quickbooks-connection/connection.repository.js";
import { type ItemChange, applyItemChange } from "./apply-item.js";
import { findCursor, saveCursor } from "./cursor.repository.js";
import type { SyncDeps } from "./process-pending.js";
import { addPending } from "./pending.repository.js";
import { databaseNow } from "./read-item.js";

/** Intuit's CDC looks back 30 days at most (docs/quickbooks.md §7.1); stay inside with a margin. */
const MAX_LOOK_BACK_MS = 29 * 24 * 3600 * 1000;
/** At most 1000 objects per answer: a full answer means "ask again from the last one". */
const CDC_LIMIT = 1000;
/** Overlap with the previous window: re-applying is a no-op (SyncToken), missing is not. */
const OVERLAP_MS = 5_000;

const CdcSchema = z.looseObject({
  CDCResponse: z
    .array(
      z.looseObject({
        QueryResponse: z
          .array(
            z.looseObject({
              Item: z.array(z.unknown()).optional(),
              Customer: z.array(z.unknown()).optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
  time: z.string().optional(),
});

export interface CatchUpResult {
  changes: number;
  applied: number;
  changedSince: Date;
}

/**
 * Change-data-capture catch-up for one shop: every item changed since the stored watermark,
 * applied through the same once-only path as webhooks, then the watermark moves to
 * QuickBooks' own `time` (its clock, not ours). Recovers webhooks that never arrived.
 */
export async function runCatchUp(
  deps: SyncDeps,
  shopId: string,
): Promise<CatchUpResult | undefined> {
  const connection = await findConnection(deps.db, shopId);
  if (!connection || connection.status !== "connected") return undefined;
  // Held to the connected company: a switch mid-run refuses the next call instead of reading
  // the new company's changes as the old one's.
  const realmId = connection.realmId;
  const client = boundToRealm(deps.client, realmId);
  // A plan change (Plus → Essentials) shows from this catch-up on.
  await refreshCapabilities(deps.client, shopId, realmId);
  const cursor = await findCursor(deps.db, shopId);
  const sameCompany = cursor?.realmId === connection.realmId;
  const startedAt = await databaseNow(deps.db);
  let since = sameCompany && cursor ? cursor.changedSince : connection.connectedAt;
  since = new Date(Math.max(since.getTime(), startedAt.getTime() - MAX_LOOK_BACK_MS));
  let changes = 0;
  let applied = 0;
  let next = since;
  for (;;) {
    const readStartedAt = await databaseNow(deps.db);
    const res = CdcSchema.parse(
      await client.call(shopId, {
        method: "GET",
        path: "cdc",
        query: { entities: "Item,Customer", changedSince: next.toISOString() },
      }),
    );
    const answered = res.CDCResponse?.[0]?.QueryResponse ?? [];
    const raw = answered.flatMap((q) => q.Item ?? []);
    const people = answered.flatMap((q) => q.Customer ?? []);
    // Linked customers follow QuickBooks too (a deleted or merged one keeps its link).
    for (const entry of people) {
      const customer = QboCustomerSchema.safeParse(entry);
      if (customer.success) await applyCustomerChange(deps.db, shopId, realmId, customer.data);
    }
    let last = next;
    for (const entry of raw) {
      const change = toChange(entry);
      if (!change) continue;
      changes++;
      const outcome = await applyItemChange(
        deps.db,
        shopId,
        realmId,
        change.change,
        "catch_up",
        readStartedAt,
      );
      if (outcome === "applied") applied++;
      // Our own write is still landing: hand the item to the pending path, which retries.
      if (outcome === "wait")
        await addPending(deps.db, [
          { shopId, realmId, entity: "Item", entityId: itemRefOf(change.change) },
        ]);
      if (change.updatedAt && change.updatedAt > last) last = change.updatedAt;
    }
    const serverTime = res.time ? new Date(res.time) : readStartedAt;
    const lastPerson = people.reduce<Date>((max, e) => {
      const t = updatedAtOf(e);
      return t && t > max ? t : max;
    }, next);
    // Each entity's answer stops at 1000: ask again from the earliest place one was cut.
    const cut = [
      ...(raw.length >= CDC_LIMIT ? [last] : []),
      ...(people.length >= CDC_LIMIT ? [lastPerson] : []),
    ];
    const resume = cut.length ? new Date(Math.min(...cut.map((d) => d.getTime()))) : undefined;
    if (!resume || resume.getTime() <= next.getTime()) {
      next = new Date(serverTime.getTime() - OVERLAP_MS);
      break;
    }
    next = resume;
  }
  await saveCursor(deps.db, {
    shopId,
    realmId: connection.realmId,
    changedSince: next < since ? since : next,
    connectedAt: connection.connectedAt,
    lastCatchUpAt: startedAt,
    lastError: null,
  });
  return { changes, applied, changedSince: since };
}

function updatedAtOf(entry: unknown): Date | undefined {
  if (typeof entry !== "object" || entry === null) return undefined;
  const e = entry as { MetaData?: { LastUpdatedTime?: unknown } };
  const t =
    typeof e.MetaData?.LastUpdatedTime === "string" ? Date.parse(e.MetaData.LastUpdatedTime) : NaN;
  return Number.isNaN(t) ? undefined : new Date(t);
}

function toChange(entry: unknown): { change: ItemChange; updatedAt?: Date } | undefined {
  if (typeof entry !== "object" || entry === null) return undefined;
  const e = entry as { status?: unknown; Id?: unknown };
  const updatedAt = updatedAtOf(entry);
  if (e.status === "Deleted" && typeof e.Id === "string")
    return { change: { kind: "deleted", itemRef: e.Id }, updatedAt };
  const item = QboItemSchema.safeParse(entry);
  return item.success ? { change: { kind: "item", item: item.data }, updatedAt } : undefined;
}

const itemRefOf = (c: ItemChange): string => (c.kind === "item" ? c.item.Id : c.itemRef);
