import { and, eq, isNull, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../db/client.js";
import { parts } from "../../../db/schema/index.js";
import { type QboItem, QboItemSchema } from "../../../integrations/qbo/schemas.js";
import { parseRows } from "../mappers.js";
import { skuKey, skuKeyOf } from "../../quickbooks-links/item-link.js";
import type { RecordOutcome } from "../records.repository.js";
import { type Candidate, insertCandidates } from "./sku-candidates.js";
import { notLinkedBefore } from "../../quickbooks-links/realm.repository.js";
import { upsertParts } from "./upsert-parts.js";
import type { VendorLinker } from "./vendors.js";

export interface ItemsRun {
  jobId: string;
  shopId: string;
  /** The company every link this run writes belongs to (the job's). */
  realmId: string;
  dryRun: boolean;
  /** Normalized part numbers of the shop's parts not yet linked to QuickBooks. */
  unlinkedSkus: ReadonlySet<string>;
  /** Absent in a dry run: a preview creates no vendor. */
  vendors: VendorLinker | undefined;
}

/** Loaded once per run; small in practice (only parts that were never linked). */
export async function loadUnlinkedSkus(db: Db, shopId: string): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ key: sql<string>`${skuKeyOf(parts.partNumber)}` })
    .from(parts)
    .where(
      and(
        eq(parts.shopId, shopId),
        isNull(parts.quickBooksItemRef),
        sql`btrim(${parts.partNumber}) <> ''`,
        notLinkedBefore,
      ),
    );
  return new Set(rows.map((r) => r.key));
}

/** A chunk of QuickBooks items parsed: the valid ones, and a record for each one skipped. */
export interface ParsedItems {
  valid: QboItem[];
  skipped: RecordOutcome[];
}

/** Pure (no database): done before the chunk's transaction opens, so it holds no one up. */
export const parseItems = (rows: readonly unknown[], pageIndex: number, offset = 0): ParsedItems =>
  parseRows(QboItemSchema, rows, pageIndex, offset);

/**
 * A chunk of parsed items, inside its transaction. Items already linked (stored ref) are
 * updated; items whose Sku equals an unlinked part's number wait for the last page (the Sku
 * must be unique across the whole company); all others are created.
 */
export async function writeParsedItems(
  tx: Db,
  run: ItemsRun,
  { valid, skipped }: ParsedItems,
): Promise<RecordOutcome[]> {
  const records = [...skipped];
  const linked = await linkedPartIds(
    tx,
    run.shopId,
    valid.map((i) => i.Id),
  );
  const candidates: Candidate[] = [];
  const toWrite: QboItem[] = [];
  for (const item of valid) {
    const key = skuKey(item.Sku);
    const watched = key !== "" && run.unlinkedSkus.has(key);
    if (linked.has(item.Id)) {
      toWrite.push(item);
      // Still counts toward "how many QuickBooks items share this Sku".
      if (watched)
        candidates.push({ quickBooksId: item.Id, skuKey: key, deferred: false, item: null });
    } else if (watched) {
      candidates.push({ quickBooksId: item.Id, skuKey: key, deferred: true, item });
    } else {
      toWrite.push(item);
    }
  }
  await insertCandidates(tx, run.jobId, candidates);
  records.push(...(await writeItems(tx, run, toWrite, linked)));
  return records;
}

/** Creates or updates items (or, in a dry run, says what it would do). */
export async function writeItems(
  tx: Db,
  run: ItemsRun,
  items: readonly QboItem[],
  linked: ReadonlyMap<string, string>,
): Promise<RecordOutcome[]> {
  if (run.dryRun || !run.vendors) {
    return items.map((item) => {
      const id = linked.get(item.Id);
      return id
        ? { quickBooksId: item.Id, name: item.Name, outcome: "updated", recordId: id }
        : { quickBooksId: item.Id, name: item.Name, outcome: "imported" };
    });
  }
  const written = await upsertParts(tx, run.shopId, run.realmId, run.jobId, items, run.vendors);
  return items.map((item) => {
    const w = written.get(item.Id);
    if (!w) throw new Error(`part for QuickBooks item ${item.Id} was not written`);
    return {
      quickBooksId: item.Id,
      name: item.Name,
      outcome: w.inserted ? "imported" : "updated",
      recordId: w.id,
      ...(w.before ? { before: w.before } : {}),
    };
  });
}

/** Our parts linked to these items: one unique-index lookup each (see upsert-parts.ts's `old`). */
async function linkedPartIds(
  tx: Db,
  shopId: string,
  refs: readonly string[],
): Promise<Map<string, string>> {
  if (refs.length === 0) return new Map();
  const rows = rowsOf<{ id: string; ref: string }>(
    await tx.execute(sql`
      select p.id, r.ref from jsonb_array_elements_text(${JSON.stringify(refs)}::jsonb) as r(ref)
      cross join lateral (
        select id from parts where shop_id = ${shopId} and quickbooks_item_ref = r.ref offset 0
      ) p`),
  );
  return new Map(rows.map((r) => [r.ref, r.id]));
}
