import type { ExportPreview, ExportScope } from "@app/shared";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { quickBooksExportItems, quickBooksExports } from "../../db/schema/index.js";
import { conflict } from "../../http/errors.js";
import type { Session } from "../../http/session.js";
import { type QboClient, boundToRealm } from "../../integrations/qbo/client.js";
import { currentRealm } from "../quickbooks-links/realm.repository.js";
import { BATCH_SIZE, exportableParts, linkedRefs } from "./exports.repository.js";
import { linkPart } from "../quickbooks-links/item-link.js";
import { type PlanOptions, type PlannedPart, planExport } from "./plan.js";
import { readAllItems } from "./qbo-items.js";

export interface ExportDeps {
  db: Db;
  qbo: { client: QboClient };
}

async function plan(deps: ExportDeps, shopId: string, scope: ExportScope, opts: PlanOptions) {
  const realmId = await currentRealm(deps.db, shopId);
  const parts = await exportableParts(deps.db, shopId, scope.partIds);
  const items = await readAllItems(boundToRealm(deps.qbo.client, realmId), shopId);
  const refs = await linkedRefs(deps.db, shopId);
  const linkByName = new Set(scope.linkByName ?? []);
  return { planned: planExport(parts, items, refs, { ...opts, linkByName }), items, realmId };
}

export async function previewExport(
  deps: ExportDeps,
  shopId: string,
  scope: ExportScope,
): Promise<ExportPreview> {
  const { planned } = await plan(deps, shopId, scope, { linkExisting: true });
  const count = (p: PlannedPart["plan"]) => planned.filter((r) => r.plan === p).length;
  return {
    items: planned,
    counts: { create: count("create"), linkExisting: count("link_existing"), skip: count("skip") },
  };
}

/**
 * Freezes the plan: parts to create get their batch number now, so batch n (and its
 * `requestid`) always carries the same parts however often it is retried. Links to existing
 * items and skips are settled in the same transaction.
 */
export async function createExport(
  deps: ExportDeps,
  session: Session,
  scope: ExportScope,
  opts: PlanOptions & { thenImport?: boolean },
): Promise<string> {
  const { planned, items, realmId } = await plan(deps, session.shopId, scope, opts);
  const itemById = new Map(items.map((i) => [i.Id, i]));
  const creates = planned.filter((p) => p.plan === "create");
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(quickBooksExports)
      .values({
        shopId: session.shopId,
        realmId,
        status: "queued",
        total: planned.length,
        batches: Math.ceil(creates.length / BATCH_SIZE),
        thenImport: opts.thenImport ?? false,
        requestedBy: session.name,
        requestedById: session.userId,
      })
      .onConflictDoNothing()
      .returning({ id: quickBooksExports.id });
    if (!row)
      throw conflict("An export to QuickBooks is already running for this shop", {
        reason: "export_running",
      });
    let linked = 0;
    let skipped = 0;
    let createIndex = 0;
    const values = [];
    for (const [seq, p] of planned.entries()) {
      let outcome: "pending" | "linked" | "skipped" = p.plan === "create" ? "pending" : "skipped";
      let reason = p.reason;
      let said = p.reasonCode
        ? { reasonCode: p.reasonCode, reasonParams: p.reasonParams ?? null }
        : { reasonCode: null, reasonParams: null };
      const item = p.linkTo ? itemById.get(p.linkTo.id) : undefined;
      if (p.plan === "link_existing" && item) {
        const done = await linkPart(tx, session.shopId, realmId, p.partId, item);
        outcome = done ? "linked" : "skipped";
        if (!done) {
          reason = "The part was linked meanwhile";
          said = { reasonCode: "part_linked_meanwhile", reasonParams: null };
        }
      }
      if (outcome === "linked") linked++;
      if (outcome === "skipped") skipped++;
      values.push({
        exportId: row.id,
        partId: p.partId,
        shopId: session.shopId,
        seq,
        batch: outcome === "pending" ? Math.floor(createIndex++ / BATCH_SIZE) : null,
        description: p.description,
        partNumber: p.partNumber,
        outcome,
        reason: reason ?? null,
        ...said,
        quickBooksId: outcome === "linked" ? (p.linkTo?.id ?? null) : null,
      });
    }
    for (let i = 0; i < values.length; i += 500)
      await tx.insert(quickBooksExportItems).values(values.slice(i, i + 500));
    await tx
      .update(quickBooksExports)
      .set({ linked, skipped, processed: linked + skipped })
      .where(eq(quickBooksExports.id, row.id));
    return row.id;
  });
}
