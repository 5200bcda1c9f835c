import type { Db } from "../../db/client.js";
import { type QboClient, boundToRealm } from "../../integrations/qbo/client.js";
import { QboError } from "../../integrations/qbo/errors.js";
import { currentRealm } from "../quickbooks-links/realm.repository.js";
import type { Logger } from "../../lib/logger.js";
import { applyCustomerChange, isCustomerLinked, readCustomer } from "./apply-customer.js";
import { applyItemChange } from "./apply-item.js";
import {
  deferPending,
  finishPending,
  finishPendingMany,
  linkedItemRefs,
  takePending,
} from "./pending.repository.js";
import { databaseNow, readItem } from "./read-item.js";

export interface SyncDeps {
  db: Db;
  client: QboClient;
  logger: Logger;
}

/** Rows taken at once: unlinked ones are dropped together, linked ones read one by one. */
const BATCH = 500;
/** A change that keeps waiting on an own write is given up after this many tries (CDC remains). */
const MAX_WAITS = 30;

/**
 * Works through a shop's pending changes: re-read each item (or customer), apply it, drop the row if no
 * newer event arrived meanwhile. Returns how many still wait (own writes landing).
 *
 * An item no part is linked to is dropped without reading it: a webhook can name thousands of
 * items we never imported, and each read spends the company's QuickBooks quota (10,000 unknown
 * ids were ~20 minutes of it).
 */
export async function processPending(deps: SyncDeps, shopId: string): Promise<{ waiting: number }> {
  const log = deps.logger.child({ component: "sync", shopId });
  // Rows left in place this run at the version read (waiting on an own write): skipped until
  // the next run. A row whose version moved on (a new event) is not in here and is read again.
  const deferred = new Set<string>();
  const key = (p: { entity: string; entityId: string; version: number }) =>
    `${p.entity}:${p.entityId}:${p.version}`;
  let waiting = 0;
  for (;;) {
    const batch = (await takePending(deps.db, shopId, BATCH + deferred.size)).filter(
      (p) => !deferred.has(key(p)),
    );
    if (batch.length === 0) return { waiting };
    // Items are checked here in bulk; a customer is checked on its own below (isCustomerLinked).
    const linked = await linkedItemRefs(
      deps.db,
      shopId,
      batch.filter((p) => p.entity === "Item").map((p) => p.entityId),
    );
    const wanted = (p: { entity: string; entityId: string }) =>
      p.entity !== "Item" || linked.has(p.entityId);
    const unlinked = batch.filter((p) => !wanted(p));
    await finishPendingMany(deps.db, shopId, unlinked);
    if (unlinked.length > 0)
      log.debug({ items: unlinked.length }, "changes to unlinked items dropped unread");
    for (const p of batch.filter(wanted)) {
      const realmId = p.realmId ?? (await currentRealm(deps.db, shopId));
      const readStartedAt = await databaseNow(deps.db);
      const client = boundToRealm(deps.client, realmId);
      let change;
      try {
        if (p.entity === "Customer") {
          const linked = await isCustomerLinked(deps.db, shopId, realmId, p.entityId);
          const customer = linked ? await readCustomer(client, shopId, p.entityId) : undefined;
          if (customer) await applyCustomerChange(deps.db, shopId, realmId, customer);
          await finishPending(deps.db, shopId, p);
          continue;
        }
        change = await readItem(client, shopId, p.entityId);
      } catch (err) {
        if (!(err instanceof QboError && err.kind === "realm_changed")) throw err;
        // An event of the company the shop has left: its ids mean nothing here. Dropped.
        log.info({ itemRef: p.entityId, realmId }, "change of a previous company dropped");
        await finishPending(deps.db, shopId, p);
        continue;
      }
      const outcome = change
        ? await applyItemChange(deps.db, shopId, realmId, change, "webhook", readStartedAt)
        : "unchanged";
      if (outcome === "wait" && p.attempts + 1 < MAX_WAITS) {
        waiting++;
        deferred.add(key(p));
        await deferPending(deps.db, shopId, p);
        continue;
      }
      if (outcome === "wait") log.warn({ itemRef: p.entityId }, "gave up waiting on an own write");
      await finishPending(deps.db, shopId, p);
      log.debug({ itemRef: p.entityId, outcome }, "QuickBooks change processed");
    }
  }
}
