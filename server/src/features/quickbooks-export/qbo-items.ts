import type { QboClient } from "../../integrations/qbo/client.js";
import { countRows, queryPages } from "../../integrations/qbo/pager.js";
import { type QboItem, QboItemSchema } from "../../integrations/qbo/schemas.js";

/** Every item of the company, inactive ones too: their names still block a new item (6240). */
export async function readAllItems(client: QboClient, shopId: string): Promise<QboItem[]> {
  const out: QboItem[] = [];
  for await (const item of eachItem(client, shopId)) out.push(item);
  return out;
}

/** The same, one item at a time: a caller that keeps less than the whole item holds less. */
export async function* eachItem(client: QboClient, shopId: string): AsyncGenerator<QboItem> {
  const from = "Item where Active in (true, false)";
  const total = await countRows(client, shopId, from);
  for await (const page of queryPages<unknown>(client, shopId, { from, entity: "Item", total })) {
    for (const raw of page.rows) {
      const parsed = QboItemSchema.safeParse(raw);
      if (parsed.success) yield parsed.data;
    }
  }
}

/** QuickBooks compares item names without case (docs/quickbooks.md §4.1 duplicates); so do we. */
export const nameKey = (name: string): string => name.trim().replace(/\s+/g, " ").toLowerCase();

/** Items a part can be matched with: goods and services, not categories or bundles. */
export const isMatchable = (item: QboItem): boolean =>
  item.Active !== false && ["Inventory", "NonInventory", "Service"].includes(item.Type);
