import type { UndoImportResult } from "@app/shared";
import type { Db } from "../../../db/client.js";
import type { ImportJobRow } from "../../../db/schema/index.js";
import type { Logger } from "../../../lib/logger.js";
import { LostLease } from "../jobs.repository.js";
import { applyBatch } from "./apply.js";
import { classifyBatch, keptRecord } from "./classify.js";
import * as undo from "./undo.repository.js";

export interface UndoDeps {
  db: Db;
  logger: Logger;
  leaseSeconds: number;
}

const BATCH = 500;
export const KEPT_LISTED = 500;

/**
 * One batch in one transaction: lock its records, decide (keep, remove, restore), write, and
 * mark the records with the counts. Returns false once nothing is left, after ending the undo
 * in that same transaction. Exported for the crash test, which runs one batch and "dies".
 */
export async function undoBatch(deps: UndoDeps, job: ImportJobRow, workerId: string) {
  return deps.db.transaction(async (tx) => {
    await undo.lockRecords(tx, job, await undo.nextRecordIds(tx, job.id, BATCH));
    const batch = await classifyBatch(tx, job, { after: 0, limit: BATCH });
    if (batch.length === 0) {
      await undo.finishUndo(tx, job.id, workerId);
      return false;
    }
    await applyBatch(tx, job, batch);
    await undo.commitBatch(tx, {
      jobId: job.id,
      workerId,
      leaseSeconds: deps.leaseSeconds,
      marks: batch.map((c) => ({
        seq: c.seq,
        o: c.reason ? "kept" : c.outcome === "imported" ? "removed" : "restored",
        r: c.reason,
      })),
    });
    return true;
  });
}

/**
 * Runs (or resumes) the undo of a run this worker holds or can claim, batch by batch. The
 * request that asked for it runs it; if that process dies, the import worker's sweep finds the
 * lapsed lease and resumes it at the first unmarked record.
 */
export async function runUndo(
  deps: UndoDeps,
  jobId: string,
  workerId: string,
  shouldStop: () => boolean = () => false,
): Promise<"finished" | "released" | "lost" | "not_claimed"> {
  const job = await undo.claimUndo(deps.db, jobId, workerId, deps.leaseSeconds);
  if (!job) return "not_claimed";
  const log = deps.logger.child({ importJobId: jobId, undo: true });
  try {
    while (await undoBatch(deps, job, workerId)) {
      if (shouldStop()) {
        await undo.releaseUndo(deps.db, jobId, workerId);
        return "released";
      }
    }
    log.info("import undone");
    return "finished";
  } catch (err) {
    if (err instanceof LostLease) return "lost";
    log.warn({ err }, "undo paused; the sweep resumes it");
    await undo.releaseUndo(deps.db, jobId, workerId).catch(() => undefined);
    throw err;
  }
}

/** The preview: the same decisions, read in pages, nothing written. */
export async function planUndo(db: Db, job: ImportJobRow): Promise<UndoImportResult> {
  const out: UndoImportResult = { removed: 0, restored: 0, keptCount: 0, kept: [] };
  for (let after = 0; ;) {
    const batch = await classifyBatch(db, job, { after, limit: 1000 });
    if (batch.length === 0) return out;
    after = batch.at(-1)!.seq;
    for (const c of batch) {
      if (c.reason) {
        out.keptCount++;
        if (out.kept.length < KEPT_LISTED) out.kept.push(keptRecord(c.recordId, c.name, c.reason));
      } else if (c.outcome === "imported") out.removed++;
      else out.restored++;
    }
  }
}
