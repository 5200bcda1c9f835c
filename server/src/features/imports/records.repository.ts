import type { ImportOutcome, ReasonParams, SkipReasonCode } from "@app/shared";
import { and, asc, eq, gt } from "drizzle-orm";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { importRecords } from "../../db/schema/index.js";

/** Why a record was skipped: a code the reader's language renders, with its parameters. */
export interface SkipReason {
  code: SkipReasonCode;
  params?: ReasonParams;
}

export interface RecordOutcome {
  quickBooksId: string;
  name: string;
  outcome: ImportOutcome;
  reason?: SkipReason;
  recordId?: string;
  /** An updated record's fields before this run wrote them, for the undo. */
  before?: Record<string, unknown>;
}

/**
 * One multi-row insert per page (jsonb_to_recordset: one parameter however many rows). A
 * record already written for this job is left alone, so a replayed page cannot count twice.
 */
export async function insertRecords(
  tx: Db,
  jobId: string,
  shopId: string,
  records: readonly RecordOutcome[],
): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map((r) => ({
    q: r.quickBooksId,
    n: r.name,
    o: r.outcome,
    rc: r.reason?.code ?? null,
    rp: r.reason?.params ?? null,
    id: r.recordId ?? null,
    b: r.before ?? null,
  }));
  await tx.execute(sql`
    insert into import_records
      (job_id, shop_id, quickbooks_id, name, outcome, reason_code, reason_params, record_id, before)
    select ${jobId}, ${shopId}, x.q, x.n, x.o, x.rc, x.rp, x.id, x.b
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as x(q text, n text, o text, rc text, rp jsonb, id uuid, b jsonb)
    on conflict (job_id, quickbooks_id) do nothing`);
}

export const tally = (records: readonly RecordOutcome[]) => ({
  imported: records.filter((r) => r.outcome === "imported").length,
  updated: records.filter((r) => r.outcome === "updated").length,
  skipped: records.filter((r) => r.outcome === "skipped").length,
});

/** Keyset page of a job's records (the cursor is the last `seq` seen), in write order. */
export async function listRecords(
  db: Db,
  jobId: string,
  opts: { outcome?: ImportOutcome; after?: number; limit: number },
) {
  return db
    .select()
    .from(importRecords)
    .where(
      and(
        eq(importRecords.jobId, jobId),
        opts.outcome ? eq(importRecords.outcome, opts.outcome) : undefined,
        opts.after === undefined ? undefined : gt(importRecords.seq, opts.after),
      ),
    )
    .orderBy(asc(importRecords.seq))
    .limit(opts.limit);
}
