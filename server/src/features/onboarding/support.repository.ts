import type { StartingSituation, SupportRequest } from "@app/shared";
import { desc, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { supportRequests } from "../../db/schema/index.js";

type Row = typeof supportRequests.$inferSelect;

const toSupportRequest = (r: Row): SupportRequest => ({
  id: r.id,
  situation: r.situation,
  message: r.message,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
});

export async function insertSupportRequest(
  db: Db,
  values: {
    shopId: string;
    situation: StartingSituation | null;
    message: string;
    createdBy: string;
    createdById: string;
  },
): Promise<SupportRequest> {
  const [row] = await db.insert(supportRequests).values(values).returning();
  if (!row) throw new Error("support request insert returned no row");
  return toSupportRequest(row);
}

export async function listSupportRequests(db: Db, shopId: string): Promise<SupportRequest[]> {
  const rows = await db
    .select()
    .from(supportRequests)
    .where(eq(supportRequests.shopId, shopId))
    .orderBy(desc(supportRequests.createdAt))
    .limit(20);
  return rows.map(toSupportRequest);
}
