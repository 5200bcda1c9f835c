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
  if (!(await firstDelivery(deps.db, digest))) {
    deps.logger.info({ digest }, "webhook delivery seen before; ignored");
    return [];
  }
  const followed = events.filter((e) => FOLLOWED.has(e.entity));
  const shops = await shopsOfRealms(deps.db, [...new Set(followed.map((e) => e.realmId))]);
  const rows = followed.flatMap((e) =>
    (shops.get(e.realmId) ?? []).map((shopId) => ({ shopId, entity: e.entity, entityId: e.id })),
  );
  await addPending(deps.db, rows);
  deps.logger.info(
    { events: events.length, followed: followed.length, pending: rows.length },
    "webhook accepted",
  );
  return [...new Set(rows.map((r) => r.shopId))];
}
