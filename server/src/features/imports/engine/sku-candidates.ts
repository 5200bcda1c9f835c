import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { importSkuCandidates } from "../../../db/schema/index.js";
import type { QboItem } from "../../../integrations/qbo/schemas.js";
export interface Candidate {
  quickBooksId: string;
  skuKey: string;
  deferred: boolean;
  item: QboItem | null;
}

/** Written in the page's transaction, so a crash loses neither the count nor the waiting item. */
export async function insertCandidates(
  tx: Db,
  jobId: string,
  candidates: readonly Candidate[],
): Promise<void> {
  if (candidates.length === 0) return;
  await tx
    .insert(importSkuCandidates)
    .values(candidates.map((c) => ({ jobId, ...c })))
    .onConflictDoNothing();
}

export async function clearCandidates(tx: Db, jobId: string): Promise<void> {
  await tx.delete(importSkuCandidates).where(eq(importSkuCandidates.jobId, jobId));
}
