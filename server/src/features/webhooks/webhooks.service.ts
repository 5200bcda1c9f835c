import { createHash } from "node:crypto";
import type { Db } from "../../db/client.js";
import type { Logger } from "../../lib/logger.js";
import { applyMerge } from "../sync/merge.js";
import { addPending, firstDelivery, shopsOfRealms } from "../sync/pending.repository.js";
import type { ChangeEvent } from "./payload.js";

/** Entities whose changes we follow; others are acknowledged and ignored. */
const FOLLOWED = new Set(["Item", "Customer"]);
/** Entities whose merges move our links (parts follow items, customers follow customers). */
const MERGED = new Set(["Item", "Customer"]);

export interface WebhookDeps {
  db: Db;
  logger: Logger;
}

/**
 * Records the work and returns the shops to wake; nothing here calls QuickBooks, so Intuit
 * gets its 200 well within 3 seconds. The pending rows are durable: a lost wake-up is picked
 * up by the worker's periodic sweep.
 */
export async function receiveWebhook(
  deps: WebhookDeps,
  rawBody: Buffer,
  events: readonly ChangeEvent[],
): Promise<string[]> {
  const digest = createHash("sha256").update(rawBody).digest("hex");
  const followed = events.filter((e) => FOLLOWED.has(e.entity));
  const merges = events.filter((e) => MERGED.has(e.entity) && e.deletedId !== undefined);
  // One transaction: if recording the work fails, the digest is not kept either, so Intuit's
  // retry of the same body is processed instead of being mistaken for a replay.
  const rows = await deps.db.transaction(async (tx) => {
    if (!(await firstDelivery(tx, digest))) return undefined;
    const shops = await shopsOfRealms(tx, [
      ...new Set([...followed, ...merges].map((e) => e.realmId)),
    ]);
    // Links move before the survivor is read, so its read finds the part it now belongs to.
    for (const e of merges)
      for (const shopId of shops.get(e.realmId) ?? []) {
        const outcome = await applyMerge(tx, {
          shopId,
          realmId: e.realmId,
          entity: e.entity,
          fromId: e.deletedId ?? "",
          toId: e.id,
        });
        deps.logger.info(
          { shopId, entity: e.entity, fromId: e.deletedId, toId: e.id, outcome },
          "QuickBooks merge",
        );
      }
    const pending = followed.flatMap((e) =>
      (shops.get(e.realmId) ?? []).map((shopId) => ({
        shopId,
        realmId: e.realmId,
        entity: e.entity,
        entityId: e.id,
      })),
    );
    await addPending(tx, pending);
    return pending;
  });
  if (!rows) {
    deps.logger.info({ digest }, "webhook delivery seen before; ignored");
    return [];
  }
  deps.logger.info(
    { events: events.length, followed: followed.length, pending: rows.length },
    "webhook accepted",
  );
  return [...new Set(rows.map((r) => r.shopId))];
}
