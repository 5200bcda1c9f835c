import type { ExportJob, ExportScope } from "@app/shared";
import { conflict, notFound } from "../../http/errors.js";
import type { Session } from "../../http/session.js";
import { createExport } from "./create-export.js";
import * as repo from "./exports.repository.js";
import type { ExportQueue } from "./export.worker.js";
import type { RunExportDeps } from "./run-export.js";

export type ExportServiceDeps = RunExportDeps & {
  /** Absent when this process runs no worker: the export waits for a worker's sweep. */
  exportQueue?: ExportQueue;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Hands the export to the export worker (export.worker.ts). Without a worker in this process the
 * export stays queued, and any process's worker sweep picks it up.
 */
async function kickExport(deps: ExportServiceDeps, exportId: string): Promise<void> {
  await deps.exportQueue?.enqueue(exportId);
}

export async function startExport(
  deps: ExportServiceDeps,
  session: Session,
  scope: ExportScope,
  opts: { linkExisting: boolean; thenImport?: boolean } = { linkExisting: true },
): Promise<ExportJob> {
  // The shop's one live export may be one whose runner died (a crash) that nobody reads any
  // more: resume it now, or it would refuse every new export (and reconciliation) for good.
  const live = await repo.findLiveExport(deps.db, session.shopId);
  if (live && stopped(live)) await kickExport(deps, live.id);
  const id = await createExport(deps, session, scope, opts);
  await kickExport(deps, id);
  return getExport(deps, session.shopId, id);
}

export async function getExport(
  deps: ExportServiceDeps,
  shopId: string,
  id: string,
): Promise<ExportJob> {
  const row = UUID.test(id) ? await repo.findExport(deps.db, shopId, id) : undefined;
  if (!row) throw notFound("Export");
  return repo.toExportJob(row);
}

/** Live, but its runner's lease lapsed: the runner died (the worker's sweep would find it too). */
function stopped(row: { status: string; leaseExpiresAt: Date }): boolean {
  const live = row.status === "queued" || row.status === "running";
  return live && row.leaseExpiresAt.getTime() < Date.now();
}

export async function listExports(deps: ExportServiceDeps, shopId: string) {
  return { items: (await repo.listExports(deps.db, shopId)).map(repo.toExportJob) };
}

export async function exportRecords(deps: ExportServiceDeps, shopId: string, id: string) {
  await getExport(deps, shopId, id);
  return { items: await repo.exportRecords(deps.db, shopId, id) };
}

/** Same batches, same requestids: whatever QuickBooks already created is replayed, not redone. */
export async function retryExport(
  deps: ExportServiceDeps,
  shopId: string,
  id: string,
): Promise<ExportJob> {
  await getExport(deps, shopId, id);
  const row = await repo.requeueExport(deps.db, shopId, id).catch(() => undefined);
  if (!row)
    throw conflict("Only a failed export can be retried, and one export at a time", {
      reason: "export_not_retryable",
    });
  await kickExport(deps, id);
  return repo.toExportJob(row);
}
