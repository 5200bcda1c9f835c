import type { ReconciliationApply, ReconciliationProposal, ReconciliationRun } from "@app/shared";
import type { Session } from "../../../http/session.js";
import { boundToRealm } from "../../../integrations/qbo/client.js";
import { currentRealm } from "../../quickbooks-links/realm.repository.js";
import type { QboItem } from "../../../integrations/qbo/schemas.js";
import { type ImportsDeps, startImport } from "../../imports/imports.service.js";
import { isMatchable, readAllItems } from "../qbo-items.js";
import { startExport } from "../exports.service.js";
import type { RunExportDeps } from "../run-export.js";
import { keepShopmonkeyValues } from "./keep-values.js";
import { linkPairs } from "./link-pairs.js";
import { type ShopPart, propose, toSideItem } from "./match.js";
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

/** Proposals being computed, per app and shop (the database handle stands for the app). */
const computing = new WeakMap<object, Map<string, Promise<ReconciliationProposal>>>();

/**
 * Single-flight per shop: the proposal reads every item and every part, so callers asking at
 * once (double clicks, several tabs, several admins) share one computation instead of each
 * holding a copy of the catalog and spending its own QuickBooks reads.
 */
export function proposal(deps: RunExportDeps, shopId: string): Promise<ReconciliationProposal> {
  let running = computing.get(deps.db);
  if (!running) {
    running = new Map<string, Promise<ReconciliationProposal>>();
    computing.set(deps.db, running);
  }
  const shared = running.get(shopId);
  if (shared) return shared;
  const started = readBothSides(deps, shopId)
    .then(({ items, parts }) => propose(parts, items.map(toSideItem)))
    .finally(() => running.delete(shopId));
  running.set(shopId, started);
  return started;
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
  const itemById = new Map<string, QboItem>(items.map((i) => [i.Id, i]));
  const links = await linkPairs(deps.db, session.shopId, realmId, input.pairs, parts, itemById);
  const quantityNotes = await settleQuantities(
    deps,
    session.shopId,
    input.pairs,
    links.linkedIds,
    input.importOnlyInQuickBooks,
  );
  // Before any import runs: it reads these items back, with the values the owner kept.
  const keptNotes = await keepShopmonkeyValues(
    deps.qbo.client,
    session.shopId,
    input.pairs,
    links.linkedIds,
    parts,
  );

  // What remains Shopmonkey-only now: re-read, since the links above changed it.
  const after = propose(await shopParts(deps.db, session.shopId), items.map(toSideItem));
  // Proposals the user didn't confirm are different parts; confirmed ones that failed to link
  // stay out (their reason is reported), or we would create the twin of an existing item.
  const asked = new Set(input.pairs.map((p) => p.partId));
  const rejected = after.proposed.map((p) => p.part.id).filter((id) => !asked.has(id));
  const toCreate = input.createOnlyInShopmonkey
    ? [...after.onlyInShopmonkey.map((p) => p.id), ...rejected]
    : [];
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
