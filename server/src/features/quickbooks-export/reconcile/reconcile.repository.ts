import type { ReconciliationRun } from "@app/shared";
import { desc, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { parts, reconciliationRuns } from "../../../db/schema/index.js";
import type { ShopPart } from "./match.js";

export async function shopParts(db: Db, shopId: string): Promise<ShopPart[]> {
  return db
    .select({
      id: parts.id,
      description: parts.description,
      partNumber: parts.partNumber,
      kind: parts.kind,
      quantity: parts.quantityAvailable,
      retailCost: parts.retailCost,
      cost: parts.cost,
      quickBooksItemRef: parts.quickBooksItemRef,
    })
    .from(parts)
    .where(eq(parts.shopId, shopId));
}

type Row = typeof reconciliationRuns.$inferSelect;

export const toRun = (r: Row): ReconciliationRun => ({
  id: r.id,
  linked: r.linked,
  alreadyLinked: r.alreadyLinked,
  skipped: r.skipped,
  quantityNotes: r.quantityNotes,
  ...(r.exportId ? { exportId: r.exportId } : {}),
  importsQueued: r.importsQueued,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
});

export async function insertRun(
  db: Db,
  values: typeof reconciliationRuns.$inferInsert,
): Promise<ReconciliationRun> {
  const [row] = await db.insert(reconciliationRuns).values(values).returning();
  if (!row) throw new Error("reconciliation run insert returned no row");
  return toRun(row);
}

export async function listRuns(db: Db, shopId: string): Promise<ReconciliationRun[]> {
  const rows = await db
    .select()
    .from(reconciliationRuns)
    .where(eq(reconciliationRuns.shopId, shopId))
    .orderBy(desc(reconciliationRuns.createdAt))
    .limit(20);
  return rows.map(toRun);
}
