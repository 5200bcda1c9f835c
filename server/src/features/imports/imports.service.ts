import type {
  ImportCategory,
  ImportJob,
  ImportOutcome,
  ImportRecord,
  UndoImportResult,
} from "@app/shared";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { quickBooksConnections } from "../../db/schema/index.js";
import { conflict, notFound } from "../../http/errors.js";
import type { Session } from "../../http/session.js";
import { notConnected, reconnectRequired } from "../../integrations/qbo/errors.js";
import type { ImportQueue } from "./import.worker.js";
import type { Logger } from "../../lib/logger.js";
import { currentRealm, linkRealmOf } from "../quickbooks-links/realm.repository.js";
import * as jobs from "./jobs.repository.js";
import { toImportRecord } from "./record-words.js";
import { listRecords } from "./records.repository.js";
import { KEPT_LISTED, planUndo, runUndo } from "./undo/run-undo.js";
import { keptRecords, startUndo } from "./undo/undo.repository.js";

export interface ImportsDeps {
  db: Db;
  logger: Logger;
  env: { IMPORT_LEASE_SECONDS: number };
  /** Absent when this process runs no worker: the job waits, and a worker's sweep picks it up. */
  importQueue?: ImportQueue;
}

async function assertConnected(db: Db, shopId: string): Promise<void> {
  const rows = await db
    .select({ status: quickBooksConnections.status })
    .from(quickBooksConnections)
    .where(eq(quickBooksConnections.shopId, shopId));
  const status = rows[0]?.status;
  if (status === "needs_reconnect") throw reconnectRequired();
  if (status !== "connected") throw notConnected();
}

export async function startImport(
  deps: ImportsDeps,
  session: Session,
  req: { category: ImportCategory; dryRun: boolean },
): Promise<ImportJob> {
  await assertConnected(deps.db, session.shopId);
  const realmId = await currentRealm(deps.db, session.shopId);
  const row = await jobs.insertQueuedJob(
    deps.db,
    {
      shopId: session.shopId,
      realmId,
      ...req,
      requestedBy: session.name,
      requestedById: session.userId,
    },
    deps.env.IMPORT_LEASE_SECONDS,
  );
  if (!row)
    throw conflict(
      `An import of ${req.category.replace("_", "-")} is already running for this shop`,
      { reason: "import_running" },
    );
  try {
    await deps.importQueue?.enqueue(row.id);
  } catch (err) {
    // The job row is durable; the worker's sweep enqueues it again once its lease lapses.
    deps.logger.warn(
      { err, importJobId: row.id },
      "could not enqueue the import; the sweeper will",
    );
  }
  return jobs.toImportJob(row);
}

export async function getImport(deps: ImportsDeps, shopId: string, id: string): Promise<ImportJob> {
  const row = await jobs.findJob(deps.db, shopId, id);
  if (!row) throw notFound("Import");
  return jobs.toImportJob(row);
}

export async function listImports(
  deps: ImportsDeps,
  shopId: string,
  q: { category?: ImportCategory; limit: number },
): Promise<{ items: ImportJob[] }> {
  return { items: (await jobs.listJobs(deps.db, shopId, q)).map(jobs.toImportJob) };
}

export async function cancelImport(
  deps: ImportsDeps,
  shopId: string,
  id: string,
): Promise<ImportJob> {
  const row = await jobs.requestCancel(deps.db, shopId, id);
  if (!row) throw notFound("Import");
  return jobs.toImportJob(row);
}

export async function importRecordsPage(
  deps: ImportsDeps,
  shopId: string,
  id: string,
  q: { outcome?: ImportOutcome; cursor?: string; limit: number },
): Promise<{ items: ImportRecord[]; nextCursor?: string }> {
  const job = await jobs.findJob(deps.db, shopId, id);
  if (!job) throw notFound("Import");
  const after = q.cursor === undefined ? undefined : Number(q.cursor);
  const rows = await listRecords(deps.db, job.id, {
    outcome: q.outcome,
    after,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: page.map(toImportRecord),
    ...(rows.length > q.limit && last ? { nextCursor: String(last.seq) } : {}),
  };
}

/** Every record of a job, streamed in batches (a 50,000-item company stays flat in memory). */
export async function* importRecordRows(deps: ImportsDeps, shopId: string, id: string) {
  const job = await jobs.findJob(deps.db, shopId, id);
  if (!job) throw notFound("Import");
  let after: number | undefined;
  for (;;) {
    const rows = await listRecords(deps.db, job.id, { after, limit: 1000 });
    if (rows.length === 0) return;
    yield rows;
    after = rows.at(-1)!.seq;
  }
}

/**
 * Undo of a finished run (never QuickBooks; docs/decisions/0008-undo-an-import.md): with
 * dryRun, what it would do; otherwise it runs here, batch by batch, and answers what it did.
 * Once started it is durable: if this process dies, the import worker's sweep resumes it from
 * its last committed batch.
 */
export async function undoImport(
  deps: ImportsDeps,
  session: Session,
  id: string,
  req: { dryRun: boolean },
): Promise<UndoImportResult> {
  const job = await jobs.findJob(deps.db, session.shopId, id);
  if (!job) throw notFound("Import");
  if (job.dryRun)
    throw conflict("A preview changed nothing, so there is nothing to undo", {
      reason: "undo_of_preview",
    });
  if (job.status === "queued" || job.status === "running")
    throw conflict("This import is still running; cancel it or wait for it to end first", {
      reason: "undo_while_running",
    });
  if (job.undoStatus)
    throw conflict("This import has already been undone", { reason: "import_already_undone" });
  // A run of a company the shop has left: its links are history now (decision 0007), and
  // restoring them would put that company's ids back among this one's.
  const links = await linkRealmOf(deps.db, session.shopId);
  if (job.realmId && links && job.realmId !== links.realmId)
    throw conflict(
      "This import belonged to another QuickBooks company; it can no longer be undone",
      { reason: "import_of_other_company" },
    );
  if (req.dryRun) return planUndo(deps.db, job);
  const workerId = `undo-${process.pid}-${randomUUID().slice(0, 8)}`;
  const lease = deps.env.IMPORT_LEASE_SECONDS;
  const started = await startUndo(
    deps.db,
    { shopId: session.shopId, jobId: id, by: session.name, byId: session.userId, workerId },
    lease,
  );
  if (!started)
    throw conflict("This import has already been undone", { reason: "import_already_undone" });
  await runUndo({ db: deps.db, logger: deps.logger, leaseSeconds: lease }, id, workerId);
  const done = await jobs.findJob(deps.db, session.shopId, id);
  return {
    removed: done?.undoRemoved ?? 0,
    restored: done?.undoRestored ?? 0,
    keptCount: done?.undoKept ?? 0,
    kept: await keptRecords(deps.db, id, KEPT_LISTED),
  };
}
