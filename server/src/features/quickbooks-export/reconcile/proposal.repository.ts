import type { DifferenceField, ProposedPair, ReconciliationSection } from "@app/shared";
import { and, asc, eq, gte, lt, ne, sql } from "drizzle-orm";
import { type Db, rowsOf } from "../../../db/client.js";
import {
  type ReconciliationCounts,
  reconciliationProposalRows,
  reconciliationProposals,
} from "../../../db/schema/index.js";
import type { FullProposal } from "./match.js";

export interface StoredProposal {
  id: string;
  realmId: string;
  computedAt: Date;
  counts: ReconciliationCounts;
  partsTotal: number;
  partsLinked: number;
}

/** Rows per INSERT: a slice of the stored result, never the whole catalog in one statement. */
const BATCH = 1000;

const stored = {
  id: reconciliationProposals.id,
  realmId: reconciliationProposals.realmId,
  computedAt: reconciliationProposals.computedAt,
  counts: reconciliationProposals.counts,
  partsTotal: reconciliationProposals.partsTotal,
  partsLinked: reconciliationProposals.partsLinked,
};

export async function readyProposal(db: Db, shopId: string): Promise<StoredProposal | undefined> {
  const [row] = await db
    .select(stored)
    .from(reconciliationProposals)
    .where(
      and(eq(reconciliationProposals.shopId, shopId), eq(reconciliationProposals.ready, true)),
    );
  return row;
}

/** How many parts the shop has and how many are linked, in one statement. */
export async function partCounts(
  db: Db,
  shopId: string,
): Promise<{ total: number; linked: number }> {
  const [row] = rowsOf<{ total: number; linked: number }>(
    await db.execute(sql`
      select count(*)::int as total, count(quickbooks_item_ref)::int as linked
        from parts where shop_id = ${shopId}`),
  );
  return { total: row?.total ?? 0, linked: row?.linked ?? 0 };
}

/** One page of a section, by position: an index range, however large the proposal. */
export async function sectionPage(
  db: Db,
  proposalId: string,
  section: ReconciliationSection,
  page: number,
  pageSize: number,
): Promise<unknown[]> {
  const rows = await db
    .select({ body: reconciliationProposalRows.body })
    .from(reconciliationProposalRows)
    .where(
      and(
        eq(reconciliationProposalRows.proposalId, proposalId),
        eq(reconciliationProposalRows.section, section),
        gte(reconciliationProposalRows.seq, (page - 1) * pageSize),
        lt(reconciliationProposalRows.seq, page * pageSize),
      ),
    )
    .orderBy(asc(reconciliationProposalRows.seq));
  return rows.map((r) => r.body);
}

const keyOf = (section: ReconciliationSection, entry: unknown) => {
  switch (section) {
    case "linked":
    case "proposed": {
      const pair = entry as ProposedPair;
      return { partId: pair.part.id, itemId: pair.item.id };
    }
    case "onlyInQuickBooks":
      return { partId: null, itemId: (entry as { id: string }).id };
    case "onlyInShopmonkey":
      return { partId: (entry as { id: string }).id, itemId: null };
    case "ambiguous":
      return { partId: null, itemId: null };
  }
};

/**
 * Stores a computed proposal beside the ready one, in batches, then makes it the shop's only
 * proposal in one short transaction. Answers undefined when the shop's proposals were dropped
 * meanwhile (an apply): this one was read before it and must not be served.
 */
export async function writeProposal(
  db: Db,
  header: Omit<StoredProposal, "id"> & { shopId: string },
  proposal: FullProposal,
): Promise<StoredProposal | undefined> {
  const [row] = await db
    .insert(reconciliationProposals)
    .values({ ...header, ready: false })
    .returning({ id: reconciliationProposals.id });
  if (!row) throw new Error("reconciliation proposal insert returned no row");
  const proposalId = row.id;
  try {
    for (const section of Object.keys(proposal) as ReconciliationSection[]) {
      const entries: readonly unknown[] = proposal[section];
      for (let i = 0; i < entries.length; i += BATCH) {
        // One JSON parameter per batch: binding thousands of parameters costs more than parsing.
        const batch = entries.slice(i, i + BATCH).map((body, n) => ({
          seq: i + n,
          ...keyOf(section, body),
          body,
        }));
        await db.execute(sql`
          insert into reconciliation_proposal_rows
            (proposal_id, shop_id, section, seq, part_id, item_id, body)
          select ${proposalId}, ${header.shopId}, ${section}, x."seq", x."partId"::uuid,
                 x."itemId", x."body"
            from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
              as x("seq" int, "partId" text, "itemId" text, "body" jsonb)`);
      }
    }
    const done = await db.transaction(async (tx) => {
      const mine = await tx
        .select({ id: reconciliationProposals.id })
        .from(reconciliationProposals)
        .where(eq(reconciliationProposals.id, proposalId))
        .for("update");
      if (mine.length === 0) return false;
      await tx
        .delete(reconciliationProposals)
        .where(
          and(
            eq(reconciliationProposals.shopId, header.shopId),
            ne(reconciliationProposals.id, proposalId),
          ),
        );
      await tx
        .update(reconciliationProposals)
        .set({ ready: true })
        .where(eq(reconciliationProposals.id, proposalId));
      return true;
    });
    return done ? { id: proposalId, ...header } : undefined;
  } catch (err) {
    // Dropped while its rows were written (their foreign key then fails): not to be served.
    const gone = await db
      .select({ id: reconciliationProposals.id })
      .from(reconciliationProposals)
      .where(eq(reconciliationProposals.id, proposalId));
    if (gone.length === 0) return undefined;
    await db.delete(reconciliationProposals).where(eq(reconciliationProposals.id, proposalId));
    throw err;
  }
}

/** Forgets the shop's proposals (ready or being written): the next read computes afresh. */
export async function dropProposals(db: Db, shopId: string): Promise<void> {
  await db.delete(reconciliationProposals).where(eq(reconciliationProposals.shopId, shopId));
}

/** The proposed pairs of a stored proposal, for an apply that confirms them in bulk. */
export async function proposedPairs(
  db: Db,
  proposalId: string,
): Promise<{ partId: string; itemId: string; differences: DifferenceField[] }[]> {
  const rows = await db
    .select({
      partId: reconciliationProposalRows.partId,
      itemId: reconciliationProposalRows.itemId,
      differences: sql<DifferenceField[]>`${reconciliationProposalRows.body} -> 'differences'`,
    })
    .from(reconciliationProposalRows)
    .where(
      and(
        eq(reconciliationProposalRows.proposalId, proposalId),
        eq(reconciliationProposalRows.section, "proposed"),
      ),
    );
  return rows.flatMap((r) =>
    r.partId && r.itemId
      ? [{ partId: r.partId, itemId: r.itemId, differences: r.differences }]
      : [],
  );
}

/** The parts a stored proposal showed as only in Shopmonkey. */
export async function onlyInShopmonkeyIds(db: Db, proposalId: string): Promise<Set<string>> {
  const rows = await db
    .select({ partId: reconciliationProposalRows.partId })
    .from(reconciliationProposalRows)
    .where(
      and(
        eq(reconciliationProposalRows.proposalId, proposalId),
        eq(reconciliationProposalRows.section, "onlyInShopmonkey"),
      ),
    );
  return new Set(rows.flatMap((r) => (r.partId ? [r.partId] : [])));
}
