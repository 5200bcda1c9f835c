import { and, eq, lt, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { syncDriftChecks } from "../../db/schema/index.js";

/** Drift checks older than this are forgotten (Health draws the last 30). */
const KEEP_DAYS = 90;

/** One drift check: how many linked parts differed from QuickBooks, out of how many compared. */
export async function recordDriftCheck(
  db: Db,
  check: { shopId: string; realmId: string; checked: number; found: number },
): Promise<void> {
  await db.insert(syncDriftChecks).values(check);
  await db
    .delete(syncDriftChecks)
    .where(
      and(
        eq(syncDriftChecks.shopId, check.shopId),
        lt(syncDriftChecks.checkedAt, sql`now() - make_interval(days => ${KEEP_DAYS})`),
      ),
    );
}
