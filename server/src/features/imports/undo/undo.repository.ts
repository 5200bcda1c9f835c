import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { leaseFor, leaseGivenBack, leaseLapsed } from "../../../db/lease.js";
import { type ImportJobRow, importJobs, importRecords } from "../../../db/schema/index.js";
import { LostLease } from "../jobs.repository.js";
import { keptRecord } from "./classify.js";

const FINISHED = ["succeeded", "failed", "canceled"] as const;

/**
 * Starts the undo of a finished, real run for this worker, once: a second request (or a run
 * already being undone) gets nothing back. The row then carries the undo's lease.
 */
export async function startUndo(
  db: Db,
  p: { shopId: string; jobId: string; by: string; byId: string; workerId: string },
  leaseSeconds: number,
): Promise<ImportJobRow | undefined> {
  const rows = await db
    .update(importJobs)
    .set({
      undoStatus: "running",
      undoneBy: p.by,
      undoneById: p.byId,
      workerId: p.workerId,
      leaseExpiresAt: leaseFor(leaseSeconds),
    })
    .where(
      and(
        eq(importJobs.shopId, p.shopId),
        eq(importJobs.id, p.jobId),
        eq(importJobs.dryRun, false),
        inArray(importJobs.status, [...FINISHED]),
        isNull(importJobs.undoStatus),
      ),
    )
    .returning();
  return rows[0];
}

/** Takes a running undo whose worker is gone (or is this one). */
export async function claimUndo(db: Db, jobId: string, workerId: string, leaseSeconds: number) {
  const rows = await db
    .update(importJobs)
    .set({ workerId, leaseExpiresAt: leaseFor(leaseSeconds) })
    .where(
      and(
        eq(importJobs.id, jobId),
        eq(importJobs.undoStatus, "running"),
        or(
          isNull(importJobs.workerId),
          eq(importJobs.workerId, workerId),
          leaseLapsed(importJobs.leaseExpiresAt),
        ),
      ),
    )
    .returning();
  return rows[0];
}

export async function releaseUndo(db: Db, jobId: string, workerId: string): Promise<void> {
  await db
    .update(importJobs)
    .set({ workerId: null, leaseExpiresAt: leaseGivenBack() })
    .where(and(eq(importJobs.id, jobId), eq(importJobs.workerId, workerId)));
}

/** Undos whose worker died mid-way; a fresh lease here so one sweeper re-enqueues each. */
export async function takeStaleUndos(db: Db, leaseSeconds: number): Promise<string[]> {
  const rows = await db
    .update(importJobs)
    .set({ workerId: null, leaseExpiresAt: leaseFor(leaseSeconds) })
    .where(and(eq(importJobs.undoStatus, "running"), leaseLapsed(importJobs.leaseExpiresAt)))
    .returning({ id: importJobs.id });
  return rows.map((r) => r.id);
}

/**
 * The batch's outcomes and the job's counts, in the batch's transaction, guarded by the lease:
 * the marks are the undo's cursor, so a crash redoes at most the batch in progress.
 */
export async function commitBatch(
  tx: Db,
  p: {
    jobId: string;
    workerId: string;
    leaseSeconds: number;
    marks: { seq: number; o: "removed" | "restored" | "kept"; r: string | null }[];
  },
): Promise<void> {
  const held = await tx
    .update(importJobs)
    .set({
      undoRemoved: sql`${importJobs.undoRemoved} + ${p.marks.filter((m) => m.o === "removed").length}`,
      undoRestored: sql`${importJobs.undoRestored} + ${p.marks.filter((m) => m.o === "restored").length}`,
      undoKept: sql`${importJobs.undoKept} + ${p.marks.filter((m) => m.o === "kept").length}`,
      leaseExpiresAt: leaseFor(p.leaseSeconds),
    })
    .where(
      and(
        eq(importJobs.id, p.jobId),
        eq(importJobs.workerId, p.workerId),
        eq(importJobs.undoStatus, "running"),
      ),
    )
    .returning({ id: importJobs.id });
  if (!held[0]) throw new LostLease();
  await tx.execute(sql`
    update import_records r set undo_outcome = m.o, undo_reason = m.r
    from jsonb_to_recordset(${JSON.stringify(p.marks)}::jsonb) as m(seq bigint, o text, r text)
    where r.seq = m.seq and r.job_id = ${p.jobId}`);
}

export async function finishUndo(tx: Db, jobId: string, workerId: string): Promise<void> {
  const rows = await tx
    .update(importJobs)
    .set({ undoStatus: "done", undoneAt: sql`now()`, workerId: null })
    .where(
      and(
        eq(importJobs.id, jobId),
        eq(importJobs.workerId, workerId),
        eq(importJobs.undoStatus, "running"),
      ),
    )
    .returning({ id: importJobs.id });
  if (!rows[0]) throw new LostLease();
}

/** Locks the batch's records so an edit cannot slip between the check and the write. */
export async function lockRecords(tx: Db, job: ImportJobRow, ids: readonly string[]) {
  if (ids.length === 0) return;
  const table = job.category === "customers" ? sql`customers` : sql`parts`;
  await tx.execute(sql`
    select id from ${table} where shop_id = ${job.shopId}
      and id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)
    order by id for update`);
}

/** The next batch's record ids (to lock before classifying them). */
export async function nextRecordIds(tx: Db, jobId: string, limit: number) {
  const rows = await tx
    .select({ id: importRecords.recordId })
    .from(importRecords)
    .where(
      and(
        eq(importRecords.jobId, jobId),
        isNull(importRecords.undoOutcome),
        inArray(importRecords.outcome, ["imported", "updated"]),
        sql`${importRecords.recordId} is not null`,
      ),
    )
    .orderBy(asc(importRecords.seq))
    .limit(limit);
  return rows.map((r) => r.id as string);
}

/** What the undo kept, and why (the first `limit`, in the run's order). */
export async function keptRecords(db: Db, jobId: string, limit: number) {
  const rows = await db
    .select({
      recordId: importRecords.recordId,
      name: importRecords.name,
      reason: importRecords.undoReason,
    })
    .from(importRecords)
    .where(and(eq(importRecords.jobId, jobId), eq(importRecords.undoOutcome, "kept")))
    .orderBy(asc(importRecords.seq))
    .limit(limit);
  return rows.map((r) => keptRecord(r.recordId ?? "", r.name, r.reason ?? ""));
}
