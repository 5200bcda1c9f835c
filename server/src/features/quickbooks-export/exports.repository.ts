import type { ErrorReason, ExportJob, ExportRecord } from "@app/shared";
import type { Said } from "../../http/errors.js";
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { leaseFor, leaseLapsed } from "../../db/lease.js";
import {
  type QuickBooksExportRow,
  parts,
  quickBooksExportItems,
  quickBooksExports,
} from "../../db/schema/index.js";
import type { ExportablePart } from "../quickbooks-links/item-fields.js";

/** Intuit's batch ceiling (docs/quickbooks.md §6: at most 30 payloads per batch request). */
/** The part fields an Intuit item is built from (quickbooks-links/item-fields.ts), read the same way everywhere. */
export const EXPORTABLE_PART_COLUMNS = {
  id: parts.id,
  kind: parts.kind,
  description: parts.description,
  note: parts.note,
  partNumber: parts.partNumber,
  cost: parts.cost,
  retailCost: parts.retailCost,
  quantityAvailable: parts.quantityAvailable,
  criticalQuantity: parts.criticalQuantity,
  vendorId: parts.vendorId,
};

export const BATCH_SIZE = 30;
/** How long a runner owns an export without renewing; past it, the next reader resumes it. */
export const LEASE_SECONDS = 60;

/** The English a failed export stores when QuickBooks never answered; anything else is Intuit's. */
export const EXPORT_UNREACHABLE = "QuickBooks could not be reached; retry later";

export function toExportJob(r: QuickBooksExportRow): ExportJob {
  return {
    id: r.id,
    status: r.status,
    total: r.total,
    processed: r.processed,
    created: r.created,
    linked: r.linked,
    skipped: r.skipped,
    ...(r.errorMessage
      ? {
          error: r.errorMessage,
          // Said in the reader's words; a refusal keeps Intuit's own inside the sentence.
          ...(r.errorMessage === EXPORT_UNREACHABLE
            ? { errorReason: "export_unreachable" as const }
            : { errorReason: "export_refused" as const, errorParams: { detail: r.errorMessage } }),
        }
      : {}),
    requestedBy: r.requestedBy,
    createdAt: r.createdAt.toISOString(),
    ...(r.finishedAt ? { finishedAt: r.finishedAt.toISOString() } : {}),
  };
}

/** The shop's unlinked parts (or the named ones), in a stable order for the plan. */
export async function exportableParts(
  db: Db,
  shopId: string,
  partIds?: readonly string[],
): Promise<ExportablePart[]> {
  return db
    .select(EXPORTABLE_PART_COLUMNS)
    .from(parts)
    .where(
      and(
        eq(parts.shopId, shopId),
        isNull(parts.quickBooksItemRef),
        partIds ? inArray(parts.id, [...partIds]) : undefined,
      ),
    )
    .orderBy(asc(parts.description), asc(parts.id));
}

export async function linkedRefs(db: Db, shopId: string): Promise<Set<string>> {
  const rows = await db
    .select({ ref: parts.quickBooksItemRef })
    .from(parts)
    .where(and(eq(parts.shopId, shopId), sql`${parts.quickBooksItemRef} is not null`));
  return new Set(rows.map((r) => r.ref as string));
}

export async function findExport(db: Db, shopId: string, id: string) {
  const [row] = await db
    .select()
    .from(quickBooksExports)
    .where(and(eq(quickBooksExports.shopId, shopId), eq(quickBooksExports.id, id)));
  return row;
}

/** The shop's export that is queued or running, if any (there is at most one). */
export async function findLiveExport(db: Db, shopId: string) {
  const [row] = await db
    .select()
    .from(quickBooksExports)
    .where(
      and(
        eq(quickBooksExports.shopId, shopId),
        inArray(quickBooksExports.status, ["queued", "running"]),
      ),
    );
  return row;
}

export async function listExports(db: Db, shopId: string) {
  return db
    .select()
    .from(quickBooksExports)
    .where(eq(quickBooksExports.shopId, shopId))
    .orderBy(desc(quickBooksExports.createdAt))
    .limit(20);
}

export async function exportRecords(db: Db, shopId: string, id: string): Promise<ExportRecord[]> {
  const rows = await db
    .select()
    .from(quickBooksExportItems)
    .where(and(eq(quickBooksExportItems.shopId, shopId), eq(quickBooksExportItems.exportId, id)))
    .orderBy(asc(quickBooksExportItems.seq));
  return rows.map((r) => ({
    partId: r.partId,
    description: r.description,
    partNumber: r.partNumber,
    outcome: r.outcome,
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.reasonCode ? { reasonCode: r.reasonCode as ErrorReason } : {}),
    ...(r.reasonParams ? { reasonParams: r.reasonParams } : {}),
    ...(r.quickBooksId ? { quickBooksId: r.quickBooksId } : {}),
  }));
}

/** Exports left live by a runner that died (any shop): the sweep resumes them. */
export async function stoppedExports(db: Db): Promise<{ id: string }[]> {
  return db
    .select({ id: quickBooksExports.id })
    .from(quickBooksExports)
    .where(
      and(
        inArray(quickBooksExports.status, ["queued", "running"]),
        leaseLapsed(quickBooksExports.leaseExpiresAt),
      ),
    );
}

/**
 * Takes the export for this runner if nobody holds it: queued, or running with a lapsed
 * lease (its runner died). One UPDATE, so two readers can't both resume it.
 */
export async function claimExport(db: Db, id: string): Promise<QuickBooksExportRow | undefined> {
  const [row] = await db
    .update(quickBooksExports)
    .set({
      status: "running",
      leaseExpiresAt: leaseFor(LEASE_SECONDS),
    })
    .where(
      and(
        eq(quickBooksExports.id, id),
        or(
          eq(quickBooksExports.status, "queued"),
          and(
            eq(quickBooksExports.status, "running"),
            leaseLapsed(quickBooksExports.leaseExpiresAt),
          ),
        ),
      ),
    )
    .returning();
  return row;
}

export async function batchItems(db: Db, exportId: string, batch: number) {
  return db
    .select()
    .from(quickBooksExportItems)
    .where(
      and(
        eq(quickBooksExportItems.exportId, exportId),
        eq(quickBooksExportItems.batch, batch),
        eq(quickBooksExportItems.outcome, "pending"),
      ),
    )
    .orderBy(asc(quickBooksExportItems.seq));
}

export async function setItemOutcome(
  tx: Db,
  exportId: string,
  partId: string,
  outcome: "created" | "skipped",
  extra: { reason?: string; said?: Said; quickBooksId?: string },
): Promise<void> {
  await tx
    .update(quickBooksExportItems)
    .set({
      outcome,
      reason: extra.reason ?? null,
      reasonCode: extra.said?.reason ?? null,
      reasonParams: extra.said?.params ?? null,
      quickBooksId: extra.quickBooksId ?? null,
    })
    .where(
      and(eq(quickBooksExportItems.exportId, exportId), eq(quickBooksExportItems.partId, partId)),
    );
}

/** Committed with the batch's links: the counters and the cursor move together. */
export async function advance(
  tx: Db,
  exportId: string,
  batch: number,
  counts: { processed: number; created: number; skipped: number },
): Promise<void> {
  await tx
    .update(quickBooksExports)
    .set({
      nextBatch: batch + 1,
      processed: sql`${quickBooksExports.processed} + ${counts.processed}`,
      created: sql`${quickBooksExports.created} + ${counts.created}`,
      skipped: sql`${quickBooksExports.skipped} + ${counts.skipped}`,
      leaseExpiresAt: leaseFor(LEASE_SECONDS),
    })
    .where(eq(quickBooksExports.id, exportId));
}

export async function finishExport(
  db: Db,
  id: string,
  status: "succeeded" | "failed",
  errorMessage?: string,
): Promise<void> {
  await db
    .update(quickBooksExports)
    .set({ status, errorMessage: errorMessage ?? null, finishedAt: sql`now()` })
    .where(eq(quickBooksExports.id, id));
}

/** A failed export starts again from its next batch, with the same requestids. */
export async function requeueExport(db: Db, shopId: string, id: string) {
  const [row] = await db
    .update(quickBooksExports)
    .set({ status: "queued", errorMessage: null, finishedAt: null })
    .where(
      and(
        eq(quickBooksExports.shopId, shopId),
        eq(quickBooksExports.id, id),
        eq(quickBooksExports.status, "failed"),
      ),
    )
    .returning();
  return row;
}
