import type { ExportJob, ExportScope } from "@app/shared";
import { conflict, notFound } from "../../http/errors.js";
import type { Session } from "../../http/session.js";
import { createExport } from "./create-export.js";
import * as repo from "./exports.repository.js";
import { type RunExportDeps, runExport } from "./run-export.js";
import { every } from "../../jobs/every.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs in this process, in the background: the export's row is the durable state, and the
 * sweep or any later read of an export whose runner stopped (restart, crash) resumes it from
 * its cursor.
 */
export function kickExport(deps: RunExportDeps, exportId: string): void {
  void runExport(deps, exportId).catch((err: unknown) =>
    deps.logger.error({ err, exportId }, "export runner crashed"),
  );
}

/**
 * Resumes, every `everySeconds` and once now, the exports whose runner died with an earlier
 * process, so a crashed export finishes without anyone opening it again. Safe beside other
 * processes and readers: `claimExport` lets one runner take each.
 */
export function startExportSweep(deps: RunExportDeps, everySeconds = 30): { stop(): void } {
  const sweep = async () => {
    for (const r of await repo.stoppedExports(deps.db)) kickExport(deps, r.id);
  };
  void sweep().catch((err: unknown) => deps.logger.warn({ err }, "export sweep failed"));
  return { stop: every(everySeconds, sweep, deps.logger, "export sweep") };
}

export async function startExport(
  deps: RunExportDeps,
  session: Session,
  scope: ExportScope,
  opts: { linkExisting: boolean; thenImport?: boolean } = { linkExisting: true },
): Promise<ExportJob> {
  // The shop's one live export may be one whose runner died (a crash) that nobody reads any
  // more: resume it now, or it would refuse every new export (and reconciliation) for good.
  const live = await repo.findLiveExport(deps.db, session.shopId);
  if (live) resumeIfStopped(deps, live);
  const id = await createExport(deps, session, scope, opts);
  kickExport(deps, id);
  return getExport(deps, session.shopId, id, false);
}

export async function getExport(
  deps: RunExportDeps,
  shopId: string,
  id: string,
  resume = true,
): Promise<ExportJob> {
  const row = UUID.test(id) ? await repo.findExport(deps.db, shopId, id) : undefined;
  if (!row) throw notFound("Export");
  if (resume) resumeIfStopped(deps, row);
  return repo.toExportJob(row);
}

function resumeIfStopped(
  deps: RunExportDeps,
  row: { id: string; status: string; leaseExpiresAt: Date },
): void {
  const live = row.status === "queued" || row.status === "running";
  if (live && row.leaseExpiresAt.getTime() < Date.now()) kickExport(deps, row.id);
}

export async function listExports(deps: RunExportDeps, shopId: string) {
  return { items: (await repo.listExports(deps.db, shopId)).map(repo.toExportJob) };
}

export async function exportRecords(deps: RunExportDeps, shopId: string, id: string) {
  await getExport(deps, shopId, id, false);
  return { items: await repo.exportRecords(deps.db, shopId, id) };
}

/** Same batches, same requestids: whatever QuickBooks already created is replayed, not redone. */
export async function retryExport(
  deps: RunExportDeps,
  shopId: string,
  id: string,
): Promise<ExportJob> {
  await getExport(deps, shopId, id, false);
  const row = await repo.requeueExport(deps.db, shopId, id).catch(() => undefined);
  if (!row)
    throw conflict("Only a failed export can be retried, and one export at a time", {
      reason: "export_not_retryable",
    });
  kickExport(deps, id);
  return repo.toExportJob(row);
}
