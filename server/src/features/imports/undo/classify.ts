import { type UndoKept, type UndoKeptReason, UndoKeptReasonSchema } from "@app/shared";
import { type SQL, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../db/client.js";
import type { ImportJobRow } from "../../../db/schema/index.js";

/** One record of the run and what the undo must do with it (a reason means: keep it). */
export interface UndoCandidate {
  seq: number;
  recordId: string;
  name: string;
  outcome: "imported" | "updated";
  before: Record<string, unknown> | null;
  reason: string | null;
}

/**
 * Why a record is kept, as the codes the undo stores (`undo_reason`) and the web says in the
 * reader's language; the English is for the API's `reason` (scripts, logs).
 */
export const KEPT = {
  gone: "gone",
  noBefore: "no_before",
  onOrder: "on_order",
  stockMoved: "stock_moved",
  laterRun: "later_run",
  edited: "edited",
} as const satisfies Record<string, UndoKeptReason>;

const KEPT_ENGLISH: Record<UndoKeptReason, string> = {
  gone: "no longer exists",
  no_before: "imported before undo existed: its earlier values were not kept",
  on_order: "used on an order",
  stock_moved: "stock moved since the import",
  later_run: "linked again by a later import",
  edited: "edited since the import",
};

/** A kept record as the API answers it; an undo stored before codes existed kept its English. */
export function keptRecord(recordId: string, name: string, stored: string): UndoKept {
  const code = UndoKeptReasonSchema.safeParse(stored);
  return code.success
    ? { recordId, name, reason: KEPT_ENGLISH[code.data], reasonCode: code.data }
    : { recordId, name, reason: stored };
}

const isParts = (job: ImportJobRow) => job.category !== "customers";

/**
 * The next `limit` records of the run not yet undone (seq > after), each with the reason it must
 * be kept, if any. "Since" is measured from the run itself: anything it did not write after it
 * started (an order line, a stock movement, a later import's write, an edit after it finished).
 */
export async function classifyBatch(
  tx: Db,
  job: ImportJobRow,
  opts: { after: number; limit: number },
): Promise<UndoCandidate[]> {
  // Read from the job's row in SQL, never through a JavaScript Date: a Date keeps milliseconds
  // and the columns microseconds, so a part written in the run's last transaction would look
  // written after the run finished ("edited since").
  const started = sql`(select coalesce(started_at, created_at) from import_jobs where id = ${job.id})`;
  const finished = sql`(select coalesce(finished_at, now()) from import_jobs where id = ${job.id})`;
  const laterRun = sql`exists (
    select 1 from import_records r2 join import_jobs j2 on j2.id = r2.job_id
    where r2.shop_id = ${job.shopId} and r2.record_id = r.record_id and r2.job_id <> ${job.id}
      and j2.created_at > ${job.createdAt} and not j2.dry_run and r2.outcome <> 'skipped'
      and j2.undo_status is distinct from 'done')`;
  let table: SQL;
  let reasons: SQL;
  if (isParts(job)) {
    table = sql`parts`;
    reasons = sql`
      when exists (select 1 from order_lines l where l.part_id = x.id) then ${KEPT.onOrder}
      when exists (select 1 from stock_movements m
                   where m.shop_id = ${job.shopId} and m.part_id = x.id and m.created_at >= ${started}
                     and m.reference is distinct from ${`import:${job.id}`}) then ${KEPT.stockMoved}`;
  } else {
    table = sql`customers`;
    reasons = sql`
      when exists (select 1 from orders o where o.shop_id = ${job.shopId} and o.customer_id = x.id)
        then ${KEPT.onOrder}`;
  }
  const result = await tx.execute(sql`
    select r.seq::int as seq, r.record_id as "recordId", r.name, r.outcome, r.before,
      case
        when x.id is null then ${KEPT.gone}
        when r.outcome = 'updated' and r.before is null then ${KEPT.noBefore}
        ${reasons}
        when ${laterRun} then ${KEPT.laterRun}
        when x.updated_at > ${finished} then ${KEPT.edited}
      end as reason
    from import_records r
    left join ${table} x on x.id = r.record_id and x.shop_id = ${job.shopId}
    where r.job_id = ${job.id} and r.seq > ${opts.after} and r.undo_outcome is null
      and r.outcome in ('imported', 'updated') and r.record_id is not null
    order by r.seq
    limit ${opts.limit}`);
  return rowsOf<UndoCandidate>(result);
}
