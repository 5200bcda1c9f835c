import type { StartingSituation, StartingSituationState } from "@app/shared";
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { startingSituations } from "../../db/schema/index.js";

export async function findSituation(db: Db, shopId: string): Promise<StartingSituationState> {
  const [row] = await db
    .select()
    .from(startingSituations)
    .where(eq(startingSituations.shopId, shopId));
  if (!row) return { situation: null };
  return {
    situation: row.situation,
    chosenAt: row.chosenAt.toISOString(),
    chosenBy: row.chosenBy,
  };
}

/** The latest choice wins; who and when are those of the latest change. */
export async function saveSituation(
  db: Db,
  shopId: string,
  situation: StartingSituation,
  by: { name: string; userId: string },
): Promise<void> {
  const values = { situation, chosenBy: by.name, chosenById: by.userId };
  await db
    .insert(startingSituations)
    .values({ shopId, ...values })
    .onConflictDoUpdate({
      target: startingSituations.shopId,
      set: { ...values, chosenAt: sql`now()` },
    });
}
