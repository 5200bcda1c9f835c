import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { rowsOf } from "../../db/client.js";
import { stockMovements } from "../../db/schema/index.js";
import type { MovementRow } from "./inventory.mapper.js";

/** The history a person reads on the detail page; older moves stay in the table. */
const HISTORY_LIMIT = 100;

export async function listMovements(
  db: Db,
  shopId: string,
  partId: string,
): Promise<MovementRow[]> {
  return db
    .select()
    .from(stockMovements)
    .where(and(eq(stockMovements.shopId, shopId), eq(stockMovements.partId, partId)))
    .orderBy(desc(stockMovements.createdAt), desc(stockMovements.id))
    .limit(HISTORY_LIMIT);
}

/**
 * Records a manual quantity change. The delta and the "did it change" test run in PostgreSQL on
 * numerics: "37.50" and "37.5" are the same quantity, and no float ever rounds a quart.
 */
export async function recordManualMovement(
  db: Db,
  m: { shopId: string; partId: string; before: string | null; after: string; reference: string },
): Promise<{ id: string; delta: string } | undefined> {
  const [row] = rowsOf<{ id: string; delta: string }>(
    await db.execute(sql`
    insert into stock_movements (shop_id, part_id, delta, quantity_after, reason, reference)
    select ${m.shopId}, ${m.partId}, ${m.after}::numeric - coalesce(${m.before}::numeric, 0),
           ${m.after}::numeric, 'manual', ${m.reference}
    where ${m.after}::numeric is distinct from ${m.before}::numeric
    returning id, delta::text as delta`),
  );
  return row;
}
