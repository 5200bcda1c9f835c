import {
  type ReconciliationApply,
  type ReconciliationProposal,
  type ReconciliationQuery,
  type ReconciliationRun,
  type ReconciliationSection,
  type SideItem,
  pairChoiceFor,
} from "@app/shared";
import type { Session } from "../../../http/session.js";
import { conflict } from "../../../http/errors.js";
import { boundToRealm } from "../../../integrations/qbo/client.js";
import { currentRealm } from "../../quickbooks-links/realm.repository.js";
import type { QboItem } from "../../../integrations/qbo/schemas.js";
import { type ImportsDeps, startImport } from "../../imports/imports.service.js";
import { eachItem, isMatchable, readAllItems } from "../qbo-items.js";
import { startExport } from "../exports.service.js";
import type { RunExportDeps } from "../run-export.js";
import { keepShopmonkeyValues } from "./keep-values.js";
import { linkPairs } from "./link-pairs.js";
import { type FullProposal, type ShopPart, propose, toSideItem } from "./match.js";
import {
  type StoredProposal,
  dropProposals,
  onlyInShopmonkeyIds,
  partCounts,
  proposedPairs,
  readyProposal,
  sectionPage,
  writeProposal,
} from "./proposal.repository.js";
import { settleQuantities } from "./quantities.js";
import { insertRun, listRuns, shopParts } from "./reconcile.repository.js";

async function readBothSides(deps: RunExportDeps, shopId: string) {
  const realmId = await currentRealm(deps.db, shopId);
  const items = (await readAllItems(boundToRealm(deps.qbo.client, realmId), shopId)).filter(
    isMatchable,
  );
  const parts = await shopParts(deps.db, shopId);
  return { items, parts, realmId };
}

/**
 * Reads both sides, matches them and stores the result. Only the side records matching needs
 * are held (each item is reduced to its side as its page arrives); the result is written in
 * batches and answered a page at a time from then on.
 */
async function computeProposal(deps: RunExportDeps, shopId: string): Promise<StoredProposal> {
  const computedAt = new Date();
  const realmId = await currentRealm(deps.db, shopId);
  const items: SideItem[] = [];
  for await (const item of eachItem(boundToRealm(deps.qbo.client, realmId), shopId))
    if (isMatchable(item)) items.push(toSideItem(item));
  const parts = await shopParts(deps.db, shopId);
  const result = propose(parts, items);
  const saved = await writeProposal(
    deps.db,
    {
      shopId,
      realmId,
      computedAt,
      counts: countsOf(result),
      partsTotal: parts.length,
      partsLinked: parts.filter((p) => p.quickBooksItemRef).length,
    },
    result,
  );
  if (!saved)
    throw conflict("The reconciliation was applied while the proposal was computed: open it again");
  return saved;
}

function countsOf(p: FullProposal): StoredProposal["counts"] {
  const choosable = ["name", "cost", "retailCost", "quantity"] as const;
  return {
    linked: p.linked.length,
    proposed: p.proposed.length,
    ambiguous: p.ambiguous.length,
    onlyInQuickBooks: p.onlyInQuickBooks.length,
    onlyInShopmonkey: p.onlyInShopmonkey.length,
    differing: p.proposed.filter((x) => choosable.some((f) => x.differences.includes(f))).length,
    quantityDiffers: p.proposed.filter((x) => x.differences.includes("quantity")).length,
  };
}

/** Proposals being computed, per app and shop (the database handle stands for the app). */
const computing = new WeakMap<object, Map<string, Promise<StoredProposal>>>();

/**
 * Single-flight per shop: computing reads every item and every part, so callers asking at
 * once (double clicks, several tabs, several admins, a refresh) share one computation instead
 * of each holding a copy of the catalog and spending its own QuickBooks reads.
 */
function computeOnce(deps: RunExportDeps, shopId: string): Promise<StoredProposal> {
  let running = computing.get(deps.db);
  if (!running) {
    running = new Map<string, Promise<StoredProposal>>();
    computing.set(deps.db, running);
  }
  const shared = running.get(shopId);
  if (shared) return shared;
  const started = computeProposal(deps, shopId).finally(() => running.delete(shopId));
  running.set(shopId, started);
  return started;
}

/**
 * One page of each section of the shop's proposal: the stored one when it was computed from
 * the connected company, else (or on `refresh`) a new one. Reading pages never calls
 * QuickBooks; `stale` says the shop's parts or links changed since it was computed.
 */
export async function proposal(
  deps: RunExportDeps,
  shopId: string,
  query: ReconciliationQuery,
  opts: { refresh?: boolean } = {},
): Promise<ReconciliationProposal> {
  const realmId = await currentRealm(deps.db, shopId);
  const ready = opts.refresh ? undefined : await readyProposal(deps.db, shopId);
  const stored = ready?.realmId === realmId ? ready : await computeOnce(deps, shopId);
  const now = await partCounts(deps.db, shopId);
  const page = async (section: ReconciliationSection) => {
    const number = query[`${section}Page`];
    return {
      items: await sectionPage(deps.db, stored.id, section, number, query.pageSize),
      total: stored.counts[section],
      page: number,
      pageSize: query.pageSize,
    };
  };
  return {
    id: stored.id,
    computedAt: stored.computedAt.toISOString(),
    stale: now.total !== stored.partsTotal || now.linked !== stored.partsLinked,
    differing: { any: stored.counts.differing, quantity: stored.counts.quantityDiffers },
    linked: (await page("linked")) as ReconciliationProposal["linked"],
    proposed: (await page("proposed")) as ReconciliationProposal["proposed"],
    ambiguous: (await page("ambiguous")) as ReconciliationProposal["ambiguous"],
    onlyInQuickBooks: (await page(
      "onlyInQuickBooks",
    )) as ReconciliationProposal["onlyInQuickBooks"],
    onlyInShopmonkey: (await page(
      "onlyInShopmonkey",
    )) as ReconciliationProposal["onlyInShopmonkey"],
  };
}

/**
 * Applies the user's decisions in an order that can't duplicate: link the confirmed pairs,
 * settle their quantities, create the Shopmonkey-only parts in QuickBooks, and only once those
 * exist and are linked, import what is left in QuickBooks (the export starts the imports when
 * it ends, so an import never sees a freshly created item before its part is linked).
 */
export async function applyReconciliation(
  deps: RunExportDeps,
  session: Session,
  input: ReconciliationApply,
): Promise<ReconciliationRun> {
  const { items, parts, realmId } = await readBothSides(deps, session.shopId);
  const bulk = input.proposal
    ? await confirmedInBulk(deps, session.shopId, realmId, input)
    : undefined;
  const pairs = [...input.pairs, ...(bulk?.pairs ?? [])];
  const itemById = new Map<string, QboItem>(items.map((i) => [i.Id, i]));
  const links = await linkPairs(deps.db, session.shopId, realmId, pairs, parts, itemById);
  const quantityNotes = await settleQuantities(
    deps,
    session.shopId,
    pairs,
    links.linkedIds,
    input.importOnlyInQuickBooks,
  );
  // Before any import runs: it reads these items back, with the values the owner kept.
  const keptNotes = await keepShopmonkeyValues(
    deps.qbo.client,
    session.shopId,
    pairs,
    links.linkedIds,
    parts,
  );

  // What remains Shopmonkey-only now: re-read, since the links above changed it.
  const after = propose(await shopParts(deps.db, session.shopId), items.map(toSideItem));
  // Proposals the user didn't confirm are different parts; confirmed ones that failed to link
  // stay out (their reason is reported), or we would create the twin of an existing item.
  // Confirmed in bulk, only what the stored proposal showed is created: a pair or a part that
  // appeared since (never seen) waits for the next proposal.
  const asked = new Set(pairs.map((p) => p.partId));
  const rejected = after.proposed
    .map((p) => p.part.id)
    .filter((id) => !asked.has(id) && (!bulk || bulk.rejected.has(id)));
  const onlyInShopmonkey = after.onlyInShopmonkey
    .map((p) => p.id)
    .filter((id) => !bulk || bulk.shownOnlyInShopmonkey.has(id) || bulk.rejected.has(id));
  const toCreate = input.createOnlyInShopmonkey ? [...onlyInShopmonkey, ...rejected] : [];
  let exportId: string | undefined;
  if (toCreate.length > 0) {
    const job = await startExport(
      deps,
      session,
      { partIds: toCreate },
      { linkExisting: false, thenImport: input.importOnlyInQuickBooks },
    );
    exportId = job.id;
  } else if (input.importOnlyInQuickBooks) {
    await startImports(deps, session);
  }
  // Links changed: the stored proposal no longer says what is true; the next read recomputes.
  await dropProposals(deps.db, session.shopId);
  return insertRun(deps.db, {
    shopId: session.shopId,
    linked: links.linked,
    alreadyLinked: links.alreadyLinked,
    skipped: links.skipped,
    quantityNotes: [...quantityNotes, ...keptNotes],
    exportId: exportId ?? null,
    importsQueued: input.importOnlyInQuickBooks,
    createdBy: session.name,
  });
}

/**
 * The stored proposal's pairs the owner confirmed without naming them: all but the rejected
 * and those `pairs` carries with their own choice. Only the proposal the owner was shown: a
 * refresh or another apply since makes it 409.
 */
async function confirmedInBulk(
  deps: RunExportDeps,
  shopId: string,
  realmId: string,
  input: ReconciliationApply,
): Promise<{
  pairs: ReconciliationApply["pairs"];
  rejected: Set<string>;
  shownOnlyInShopmonkey: Set<string>;
}> {
  const asked = input.proposal;
  const stored = await readyProposal(deps.db, shopId);
  if (!asked || !stored || stored.id !== asked.id || stored.realmId !== realmId)
    throw conflict(
      "The proposal was refreshed or applied since it was opened: review it again before applying",
    );
  const named = new Set(input.pairs.map((p) => p.partId));
  const rejected = new Set(asked.rejected);
  const pairs = (await proposedPairs(deps.db, stored.id))
    .filter((p) => !named.has(p.partId) && !rejected.has(p.partId))
    .map((p) => ({
      partId: p.partId,
      quickBooksId: p.itemId,
      ...pairChoiceFor(p.differences, asked.side),
    }));
  return { pairs, rejected, shownOnlyInShopmonkey: await onlyInShopmonkeyIds(deps.db, stored.id) };
}

async function startImports(deps: ImportsDeps, session: Session): Promise<void> {
  for (const category of ["inventory", "non_inventory"] as const) {
    // An import already running will see the same items: not an error here.
    await startImport(deps, session, { category, dryRun: false }).catch(() => undefined);
  }
}

export const runs = async (deps: RunExportDeps, shopId: string) => ({
  items: await listRuns(deps.db, shopId),
});

export type { ShopPart };
