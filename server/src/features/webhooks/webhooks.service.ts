import { createHash } from "node:crypto";
import type { Db } from "../../db/client.js";
import type { Logger } from "../../lib/logger.js";
import { addPending, firstDelivery, shopsOfRealms } from "../sync/pending.repository.js";
import type { ChangeEvent } from "./payload.js";

/** Entities whose changes we follow; others are acknowledged and ignored. */
const FOLLOWED = new Set(["Item"]);

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
  // One transaction: if recording the work fails, the digest is not kept either, so Intuit's
  // retry of the same body is processed instead of being mistaken for a replay.
  const rows = await deps.db.transaction(async (tx) => {
    if (!(await firstDelivery(tx, digest))) return undefined;
    const shops = await shopsOfRealms(tx, [...new Set(followed.map((e) => e.realmId))]);
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
