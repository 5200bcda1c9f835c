import { and, asc, eq, gt, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../db/client.js";
import { importSkuCandidates, parts } from "../../../db/schema/index.js";
import { type QboItem, QboItemSchema } from "../../../integrations/qbo/schemas.js";
import type { RecordOutcome, SkipReason } from "../records.repository.js";
import { type ItemsRun, writeItems } from "./items.js";
import { notLinkedBefore } from "../../quickbooks-links/realm.repository.js";
import { linkPartsBySku, skuKeyOf } from "../../quickbooks-links/item-link.js";

const BATCH = 1000;

/**
 * After the last page: a waiting item links to the unlinked part with its Sku when exactly one
 * part and exactly one QuickBooks item have it; any ambiguity is skipped as a conflict, never
 * created twice (docs/product.md). If the part was linked or removed meanwhile, the item is created.
 */
export async function resolveDeferredItems(tx: Db, run: ItemsRun): Promise<RecordOutcome[]> {
  const counted = rowsOf<{ key: string; n: number }>(
    await tx.execute(sql`
      select sku_key as key, count(*)::int as n from import_sku_candidates
      where job_id = ${run.jobId} group by sku_key having bool_or(deferred)`),
  );
  if (counted.length === 0) return [];
  const qboCount = new Map(counted.map((c) => [c.key, c.n]));
  const localRows = await tx
    .select({ id: parts.id, key: sql<string>`${skuKeyOf(parts.partNumber)}` })
    .from(parts)
    .where(
      and(
        eq(parts.shopId, run.shopId),
        sql`${parts.quickBooksItemRef} is null`,
        notLinkedBefore,
        sql`${skuKeyOf(parts.partNumber)} in (select sku_key from import_sku_candidates where job_id = ${run.jobId})`,
      ),
    );
  const localByKey = new Map<string, string[]>();
  for (const r of localRows) localByKey.set(r.key, [...(localByKey.get(r.key) ?? []), r.id]);

  const records: RecordOutcome[] = [];
  let after = "";
  for (;;) {
    const batch = await tx
      .select({
        quickBooksId: importSkuCandidates.quickBooksId,
        key: importSkuCandidates.skuKey,
        item: importSkuCandidates.item,
      })
      .from(importSkuCandidates)
      .where(
        and(
          eq(importSkuCandidates.jobId, run.jobId),
          eq(importSkuCandidates.deferred, true),
          gt(importSkuCandidates.quickBooksId, after),
        ),
      )
      .orderBy(asc(importSkuCandidates.quickBooksId))
      .limit(BATCH);
    if (batch.length === 0) break;
    after = batch.at(-1)!.quickBooksId;
    const links = new Map<string, string>();
    const toWrite: QboItem[] = [];
    for (const row of batch) {
      const item = QboItemSchema.parse(row.item);
      const sku = item.Sku?.trim() ?? "";
      const onQbo = qboCount.get(row.key) ?? 1;
      const ours = localByKey.get(row.key) ?? [];
      const skip = (reason: SkipReason) =>
        records.push({ quickBooksId: item.Id, name: item.Name, outcome: "skipped", reason });
      if (onQbo > 1) skip({ code: "sku_shared_in_quickbooks", params: { count: onQbo, sku } });
      else if (ours.length > 1)
        skip({ code: "part_number_shared", params: { count: ours.length, sku } });
      else {
        if (ours[0]) links.set(item.Id, ours[0]);
        toWrite.push(item);
      }
    }
    if (!run.dryRun)
      await linkPartsBySku(
        tx,
        run.shopId,
        run.realmId,
        [...links].map(([ref, partId]) => ({ ref, partId })),
      );
    const written = await writeItems(tx, run, toWrite, links);
    // linkPartsBySku ran just before the upsert captured its before-values: the link itself is this
    // run's doing, so an undo must put the part back unlinked.
    for (const r of written)
      if (r.before && links.has(r.quickBooksId))
        r.before = { ...r.before, quickbooks_item_ref: null, quickbooks_realm_id: null };
    records.push(...written);
  }
  return records;
}
