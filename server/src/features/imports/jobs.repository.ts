import type { ImportCategory, ImportJob } from "@app/shared";
import { and, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { leaseFor, leaseGivenBack, leaseLapsed } from "../../db/lease.js";
import { type ImportJobRow, importJobs } from "../../db/schema/index.js";

const LIVE = ["queued", "running"] as const;

export function toImportJob(row: ImportJobRow): ImportJob {
  return {
    id: row.id,
    category: row.category,
    dryRun: row.dryRun,
    status: row.status,
    total: row.total,
    processed: row.processed,
    imported: row.imported,
    updated: row.updated,
    skipped: row.skipped,
    ...(row.errorCode ? { error: { code: row.errorCode, message: row.errorMessage ?? "" } } : {}),
    requestedBy: row.requestedBy,
    createdAt: row.createdAt.toISOString(),
    ...(row.startedAt ? { startedAt: row.startedAt.toISOString() } : {}),
    ...(row.finishedAt ? { finishedAt: row.finishedAt.toISOString() } : {}),
    ...(row.undoStatus
      ? {
          undo: {
            status: row.undoStatus,
            by: row.undoneBy ?? "",
            ...(row.undoneAt ? { at: row.undoneAt.toISOString() } : {}),
            removed: row.undoRemoved,
            restored: row.undoRestored,
            kept: row.undoKept,
          },
        }
      : {}),
  };
}

/**
 * Inserts a queued job, or returns undefined when one is already queued or running for this
 * shop and category: the partial unique index decides, so it holds across processes.
 */
export async function insertQueuedJob(
  db: Db,
  job: {
    shopId: string;
    realmId: string;
    category: ImportCategory;
    dryRun: boolean;
    requestedBy: string;
    requestedById: string;
  },
  leaseSeconds: number,
): Promise<ImportJobRow | undefined> {
  const rows = await db
    .insert(importJobs)
    .values({ ...job, status: "queued", leaseExpiresAt: leaseFor(leaseSeconds) })
    .onConflictDoNothing({
      target: [importJobs.shopId, importJobs.category, importJobs.dryRun],
      where: sql`status in ('queued', 'running')`,
    })
    .returning();
  return rows[0];
}

export async function findJob(
  db: Db,
  shopId: string,
  id: string,
): Promise<ImportJobRow | undefined> {
  const rows = await db
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.shopId, shopId), eq(importJobs.id, id)));
  return rows[0];
}

export async function listJobs(
  db: Db,
  shopId: string,
  opts: { category?: ImportCategory; limit: number },
): Promise<ImportJobRow[]> {
  return db
    .select()
    .from(importJobs)
    .where(
      and(
        eq(importJobs.shopId, shopId),
        opts.category ? eq(importJobs.category, opts.category) : undefined,
      ),
    )
    .orderBy(desc(importJobs.createdAt), desc(importJobs.id))
    .limit(opts.limit);
}

/** A queued job is canceled at once; a running one is asked to stop after its current page. */
export async function requestCancel(
  db: Db,
  shopId: string,
  id: string,
): Promise<ImportJobRow | undefined> {
  const scoped = and(eq(importJobs.shopId, shopId), eq(importJobs.id, id));
  const queued = await db
    .update(importJobs)
    .set({ status: "canceled", finishedAt: sql`now()`, workerId: null })
    .where(and(scoped, eq(importJobs.status, "queued")))
    .returning();
  if (queued[0]) return queued[0];
  const running = await db
    .update(importJobs)
    .set({ cancelRequested: true })
    .where(and(scoped, eq(importJobs.status, "running")))
    .returning();
  return running[0] ?? findJob(db, shopId, id);
}

/** Takes the job for this worker unless another live worker holds it. */
export async function claimJob(db: Db, id: string, workerId: string, leaseSeconds: number) {
  const rows = await db
    .update(importJobs)
    .set({
      status: "running",
      startedAt: sql`coalesce(${importJobs.startedAt}, now())`,
      workerId,
      leaseExpiresAt: leaseFor(leaseSeconds),
    })
    .where(
      and(
        eq(importJobs.id, id),
        inArray(importJobs.status, [...LIVE]),
        or(isNull(importJobs.workerId), leaseLapsed(importJobs.leaseExpiresAt)),
      ),
    )
    .returning();
  return rows[0];
}

/** Extends the lease; false means another worker took the job over (ours looked dead). */
export async function renewLease(
  db: Db,
  id: string,
  workerId: string,
  leaseSeconds: number,
): Promise<boolean> {
  const rows = await db
    .update(importJobs)
    .set({ leaseExpiresAt: leaseFor(leaseSeconds) })
    .where(
      and(
        eq(importJobs.id, id),
        eq(importJobs.workerId, workerId),
        eq(importJobs.status, "running"),
      ),
    )
    .returning({ id: importJobs.id });
  return rows.length > 0;
}

export async function setTotal(db: Db, id: string, workerId: string, total: number): Promise<void> {
  await db
    .update(importJobs)
    .set({ total })
    .where(and(eq(importJobs.id, id), eq(importJobs.workerId, workerId)));
}

/** Shutdown: give the job back with an expired lease so the next process resumes it at once. */
/** Gives the job back like releaseJob, saying why it waits (shown until a page is written). */
export async function pauseJob(
  db: Db,
  id: string,
  workerId: string,
  why: { errorCode: string; errorMessage: string },
): Promise<void> {
  await db
    .update(importJobs)
    .set({ ...why, workerId: null, leaseExpiresAt: leaseGivenBack() })
    .where(and(eq(importJobs.id, id), eq(importJobs.workerId, workerId)));
}

export async function releaseJob(db: Db, id: string, workerId: string): Promise<void> {
  await db
    .update(importJobs)
    .set({ workerId: null, leaseExpiresAt: leaseGivenBack() })
    .where(and(eq(importJobs.id, id), eq(importJobs.workerId, workerId)));
}

export async function endJob(
  db: Db,
  id: string,
  workerId: string,
  end: { status: "failed" | "canceled"; errorCode?: string; errorMessage?: string },
): Promise<void> {
  await db
    .update(importJobs)
    .set({ ...end, finishedAt: sql`now()`, workerId: null })
    .where(and(eq(importJobs.id, id), eq(importJobs.workerId, workerId)));
}

/**
 * Jobs whose worker died (lease expired) or whose queue message never arrived. Each is given a
 * fresh lease here so that only one sweeper re-enqueues it per lease period.
 */
export async function takeStaleJobs(db: Db, leaseSeconds: number): Promise<string[]> {
  const rows = await db
    .update(importJobs)
    .set({ workerId: null, leaseExpiresAt: leaseFor(leaseSeconds) })
    .where(and(inArray(importJobs.status, [...LIVE]), leaseLapsed(importJobs.leaseExpiresAt)))
    .returning({ id: importJobs.id });
  return rows.map((r) => r.id);
}

/** Thrown inside a page transaction when this worker no longer holds the job: rolls it back. */
export class LostLease extends Error {
  constructor() {
    super("another worker holds this import job");
    this.name = "LostLease";
  }
}

interface Counts {
  imported: number;
  updated: number;
  skipped: number;
}

/**
 * Moves the cursor past `pageIndex` with the page's counts, in the page's transaction. Guarded
 * by worker and cursor, so a page is counted once even if two workers ever raced for it.
 */
/**
 * Commits rows `fromRow`… of page `pageIndex` with the cursor: the next rows of the page, or
 * the next page once `pageDone`. Only from where the cursor stands (a second writer, or a
 * replay, finds it moved and stops).
 */
export async function commitPage(
  tx: Db,
  p: {
    jobId: string;
    workerId: string;
    pageIndex: number;
    fromRow: number;
    rows: number;
    pageDone: boolean;
    counts: Counts;
    leaseSeconds: number;
  },
): Promise<{ cancelRequested: boolean }> {
  const rows = await tx
    .update(importJobs)
    .set({
      nextPage: p.pageDone ? p.pageIndex + 1 : p.pageIndex,
      nextRow: p.pageDone ? 0 : p.fromRow + p.rows,
      // A page written: whatever paused the run (storage_full) is over.
      errorCode: null,
      errorMessage: null,
      processed: sql`${importJobs.processed} + ${p.rows}`,
      imported: sql`${importJobs.imported} + ${p.counts.imported}`,
      updated: sql`${importJobs.updated} + ${p.counts.updated}`,
      skipped: sql`${importJobs.skipped} + ${p.counts.skipped}`,
      leaseExpiresAt: leaseFor(p.leaseSeconds),
    })
    .where(
      and(
        eq(importJobs.id, p.jobId),
        eq(importJobs.workerId, p.workerId),
        eq(importJobs.nextPage, p.pageIndex),
        eq(importJobs.nextRow, p.fromRow),
        eq(importJobs.status, "running"),
      ),
    )
    .returning({ cancelRequested: importJobs.cancelRequested });
  if (!rows[0]) throw new LostLease();
  return rows[0];
}

/** Rows read from QuickBooks so far (committed pages). */
export async function rowsRead(db: Db, jobId: string): Promise<number> {
  const [row] = await db
    .select({ processed: importJobs.processed })
    .from(importJobs)
    .where(eq(importJobs.id, jobId));
  return row?.processed ?? 0;
}

/**
 * The last step, in the same transaction as the deferred Sku matches it counts. With a
 * `failure`, the run ends failed (what it wrote stays; running it again completes it).
 */
export async function finishJob(
  tx: Db,
  jobId: string,
  workerId: string,
  counts: Counts,
  failure?: { errorCode: string; errorMessage: string },
): Promise<void> {
  const rows = await tx
    .update(importJobs)
    .set({
      status: failure ? "failed" : "succeeded",
      ...(failure ?? {}),
      finishedAt: sql`now()`,
      workerId: null,
      // What QuickBooks actually returned (the count(*) may have moved while we read).
      total: sql`${importJobs.processed}`,
      imported: sql`${importJobs.imported} + ${counts.imported}`,
      updated: sql`${importJobs.updated} + ${counts.updated}`,
      skipped: sql`${importJobs.skipped} + ${counts.skipped}`,
    })
    .where(
      and(
        eq(importJobs.id, jobId),
        eq(importJobs.workerId, workerId),
        eq(importJobs.status, "running"),
      ),
    )
    .returning({ id: importJobs.id });
  if (!rows[0]) throw new LostLease();
}
