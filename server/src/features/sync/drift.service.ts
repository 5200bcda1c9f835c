import type { DriftField, DriftQuery, DriftReport, DriftRow } from "@app/shared";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { parts } from "../../db/schema/index.js";
import { type QboClient, boundToRealm } from "../../integrations/qbo/client.js";
import { currentRealm } from "../quickbooks-links/realm.repository.js";
import { countRows, queryPages } from "../../integrations/qbo/pager.js";
import { type QboItem, QboItemSchema } from "../../integrations/qbo/schemas.js";
import { optionalDecimal } from "../../integrations/qbo/numbers.js";
import { sameDecimal } from "../../lib/decimal.js";
import { recordDriftCheck } from "./drift-checks.repository.js";

/** Inactive items too: a linked item made inactive is still compared (and flagged). */
const ALL_ITEMS = "Item where Active in (true, false)";

/** Every item of the company, as QuickBooks has it now (1000 per call). */
export async function readAllItems(
  client: QboClient,
  shopId: string,
): Promise<Map<string, QboItem>> {
  const total = await countRows(client, shopId, ALL_ITEMS);
  const items = new Map<string, QboItem>();
  for await (const page of queryPages<unknown>(client, shopId, {
    from: ALL_ITEMS,
    entity: "Item",
    total,
  })) {
    for (const raw of page.rows) {
      const item = QboItemSchema.safeParse(raw);
      if (item.success) items.set(item.data.Id, item.data);
    }
  }
  return items;
}

export const qboValues = (item: QboItem, tracksStock: boolean) => ({
  quantity: tracksStock ? (optionalDecimal(item.QtyOnHand) ?? "0") : null,
  cost: optionalDecimal(item.PurchaseCost) ?? "0",
  retailCost: optionalDecimal(item.UnitPrice) ?? "0",
});

export type LinkedPart = typeof parts.$inferSelect & { quickBooksItemRef: string };

export async function linkedParts(
  db: Db,
  shopId: string,
  ids?: readonly string[],
): Promise<LinkedPart[]> {
  const rows = await db
    .select()
    .from(parts)
    .where(and(eq(parts.shopId, shopId), isNotNull(parts.quickBooksItemRef)))
    .orderBy(parts.description, parts.id);
  const wanted = ids ? new Set(ids) : undefined;
  return rows.filter(
    (p): p is LinkedPart => p.quickBooksItemRef !== null && (!wanted || wanted.has(p.id)),
  );
}

export function driftRow(part: LinkedPart, item: QboItem | undefined): DriftRow {
  const tracksStock = part.kind === "inventory";
  const shopmonkey = {
    quantity: tracksStock ? (part.quantityAvailable ?? "0") : null,
    cost: part.cost,
    retailCost: part.retailCost,
  };
  const quickBooks = item ? qboValues(item, tracksStock) : null;
  const fields: DriftField[] = ["quantity", "cost", "retailCost"];
  const differences = quickBooks
    ? fields.filter((f) => !sameDecimal(shopmonkey[f], quickBooks[f]))
    : fields.filter((f) => shopmonkey[f] !== null);
  return {
    partId: part.id,
    description: part.description,
    partNumber: part.partNumber,
    quickBooksItemRef: part.quickBooksItemRef,
    shopmonkey,
    quickBooks,
    differences,
    ...possibleFixes(differences, quickBooks !== null),
  };
}

/** What the report may offer: a deleted item can take no fix; otherwise every value both ways. */
export function possibleFixes(
  differences: DriftField[],
  itemExists: boolean,
): Pick<DriftRow, "fixes" | "blocked"> {
  if (!itemExists)
    return {
      fixes: { take_quickbooks: [], push_shopmonkey: [] },
      blocked: differences.map((field) => ({ field, reason: "item_gone" as const })),
    };
  // A quantity is pushed as an inventory adjustment of the difference (decision 0009); a
  // company whose plan or country takes none says so in the fix's result.
  return { fixes: { take_quickbooks: differences, push_shopmonkey: differences }, blocked: [] };
}

/** For every linked part: our quantity, cost and price beside QuickBooks' current values. */
export async function driftReport(
  deps: { db: Db; client: QboClient },
  shopId: string,
  q: DriftQuery,
): Promise<DriftReport> {
  const realmId = await currentRealm(deps.db, shopId);
  const [items, linked] = await Promise.all([
    readAllItems(boundToRealm(deps.client, realmId), shopId),
    linkedParts(deps.db, shopId),
  ]);
  const search = q.search?.toLowerCase();
  const all = linked.map((p) => driftRow(p, items.get(p.quickBooksItemRef)));
  // Every run is a check, whatever the filters show: the Health page draws what each found.
  await recordDriftCheck(deps.db, {
    shopId,
    realmId,
    checked: all.length,
    found: all.filter((r) => r.differences.length > 0).length,
  });
  const rows = all
    .filter((r) => q.show === "all" || r.differences.length > 0)
    .filter((r) => !q.field || r.differences.includes(q.field))
    .filter(
      (r) =>
        !search ||
        r.description.toLowerCase().includes(search) ||
        r.partNumber.toLowerCase().includes(search),
    );
  return { items: rows, linkedParts: linked.length, checkedAt: new Date().toISOString() };
}
