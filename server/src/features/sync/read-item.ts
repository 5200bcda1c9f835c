import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../db/client.js";
import type { QboClient } from "../../integrations/qbo/client.js";
import { isFault } from "../../integrations/qbo/errors.js";
import { QboItemSchema } from "../../integrations/qbo/schemas.js";
import type { ItemChange } from "./apply-item.js";

/** The database's clock (all processes share it), taken just before a QuickBooks read. */
export async function databaseNow(db: Db): Promise<Date> {
  const [row] = rowsOf<{ now: string | Date }>(
    await db.execute(sql`select clock_timestamp() as now`),
  );
  return new Date(row?.now ?? Date.now());
}

/**
 * Reads the item as QuickBooks has it now: the event only said "something changed", and
 * events arrive late and out of order, so its current state is the only thing to trust.
 */
export async function readItem(
  client: QboClient,
  shopId: string,
  itemRef: string,
): Promise<ItemChange | undefined> {
  try {
    const res = await client.call<{ Item?: unknown }>(shopId, {
      method: "GET",
      path: `item/${encodeURIComponent(itemRef)}`,
    });
    const parsed = QboItemSchema.safeParse(res.Item);
    return parsed.success ? { kind: "item", item: parsed.data } : undefined;
  } catch (err) {
    // 610 Object Not Found: the item is gone (QuickBooks normally only deactivates items).
    if (isFault(err, "610")) return { kind: "deleted", itemRef };
    throw err;
  }
}
