import type { Db } from "../../db/client.js";
import { type QboClient, boundToRealm } from "../../integrations/qbo/client.js";
import { QboError } from "../../integrations/qbo/errors.js";
import { currentRealm } from "../quickbooks-links/realm.repository.js";
import type { Logger } from "../../lib/logger.js";
import { applyCustomerChange, isCustomerLinked, readCustomer } from "./apply-customer.js";
import { applyItemChange } from "./apply-item.js";
import { deferPending, finishPending, takePending } from "./pending.repository.js";
import { databaseNow, readItem } from "./read-item.js";

export interface SyncDeps {
  db: Db;
  client: QboClient;
  logger: Logger;
}

const BATCH = 50;
/** A change that keeps waiting on an own write is given up after this many tries (CDC remains). */
const MAX_WAITS = 30;

/**
 * Works through a shop's pending changes: re-read each item (or customer), apply it, drop the row if no
 * newer event arrived meanwhile. Returns how many still wait (own writes landing).
 */
export async function processPending(deps: SyncDeps, shopId: string): Promise<{ waiting: number }> {
  const log = deps.logger.child({ component: "sync", shopId });
  const seen = new Set<string>();
  let waiting = 0;
  for (;;) {
    const batch = (await takePending(deps.db, shopId, BATCH + seen.size)).filter(
      (p) => !seen.has(`${p.entity}:${p.entityId}:${p.version}`),
    );
    if (batch.length === 0) return { waiting };
    for (const p of batch) {
      seen.add(`${p.entity}:${p.entityId}:${p.version}`);
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
        await deferPending(deps.db, shopId, p);
        continue;
      }
      if (outcome === "wait") log.warn({ itemRef: p.entityId }, "gave up waiting on an own write");
      await finishPending(deps.db, shopId, p);
      log.debug({ itemRef: p.entityId, outcome }, "QuickBooks change processed");
    }
  }
}
