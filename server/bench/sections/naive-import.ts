import { sql } from "drizzle-orm";
import type { Db } from "../../src/db/client.js";
import type { QboClient } from "../../src/integrations/qbo/client.js";
import { QboItemSchema } from "../../src/integrations/qbo/schemas.js";
import { stats } from "../../src/testing/sandbox.js";
import { toPartFields } from "../../src/features/quickbooks-links/item-fields.js";
import type { BenchContext } from "../lib/context.js";
import { type ImportResult, importResult } from "./import-result.js";
import type { NaiveTarget } from "./real-import.js";

const PAGE = 1000;

/**
 * THE NAIVE IMPORTER (a baseline for the bench, never used by the product): reads one page,
 * writes it, then reads the next, with one INSERT statement per row. It is given every
 * advantage the naive way can honestly have, so the ratio is a lower bound: same QBO client
 * (limiter, retries, token refresh), same mapping, pages of 1,000, one transaction per page
 * (not a commit per row), no count query, no vendor linking, no stock movements, no
 * per-record outcomes, no progress writes.
 */
export async function runNaiveImport(
  ctx: BenchContext,
  db: Db,
  client: QboClient,
  target: NaiveTarget,
): Promise<ImportResult> {
  const before = await stats(ctx.sandbox, target.realmId);
  const started = performance.now();
  let imported = 0;
  for (let start = 1; ; start += PAGE) {
    const res = await client.call<{ QueryResponse?: { Item?: unknown[] } }>(target.shop, {
      method: "GET",
      path: "query",
      query: {
        query: `select * from Item where Type = 'Inventory' orderby Id startposition ${start} maxresults ${PAGE}`,
      },
    });
    const rows = res.QueryResponse?.Item ?? [];
    await db.transaction(async (tx) => {
      for (const raw of rows) {
        const f = toPartFields(QboItemSchema.parse(raw));
        await tx.execute(sql`
          insert into parts (shop_id, kind, description, note, part_number, cost, retail_cost,
                             quantity_available, critical_quantity, quickbooks_item_ref,
                             quickbooks_realm_id)
          values (${target.shop}, ${f.kind}, ${f.description}, ${f.note}, ${f.partNumber},
                  ${f.cost}, ${f.retailCost}, ${f.quantityAvailable}, ${f.criticalQuantity},
                  ${f.quickBooksItemRef}, ${target.realmId})`);
        imported += 1;
      }
    });
    if (rows.length < PAGE) break;
  }
  const wallMs = performance.now() - started;
  if (imported !== target.items)
    throw new Error(`naive import wrote ${imported} of ${target.items} items`);
  const after = await stats(ctx.sandbox, target.realmId);
  const sandboxSide = {
    requests: after.requests - before.requests,
    throttled: after.throttled - before.throttled,
    maxInFlight: after.maxInFlight,
  };
  return importResult("naive", target.items, wallMs, sandboxSide, null);
}
