import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { shops } from "../../db/schema/index.js";

export async function ensureShop(db: Db, id: string, name: string): Promise<void> {
  await db.insert(shops).values({ id, name }).onConflictDoNothing({ target: shops.id });
}

export async function findShop(
  db: Db,
  id: string,
): Promise<{ id: string; name: string } | undefined> {
  const [row] = await db
    .select({ id: shops.id, name: shops.name })
    .from(shops)
    .where(eq(shops.id, id));
  return row;
}

export async function countShops(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(shops);
  return row?.n ?? 0;
}
