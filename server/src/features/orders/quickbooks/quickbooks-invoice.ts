import type { QboClient } from "../../../integrations/qbo/client.js";
import { toDecimalString } from "../../../integrations/qbo/numbers.js";
import { add } from "../../../lib/decimal.js";

export interface QboInvoice {
  Id: string;
  SyncToken: string;
  DocNumber?: string;
  PrivateNote?: string;
  Line?: {
    DetailType?: string;
    SalesItemLineDetail?: { ItemRef?: { value?: string }; Qty?: number };
  }[];
}

export const quoteQuery = (s: string) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

export async function readInvoice(client: QboClient, shopId: string, id: string) {
  const res = await client.call<{ Invoice: QboInvoice }>(shopId, {
    method: "GET",
    path: `invoice/${encodeURIComponent(id)}`,
  });
  return res.Invoice;
}

export async function findInvoiceByDocNumber(client: QboClient, shopId: string, doc: string) {
  const res = await client.call<{ QueryResponse?: { Invoice?: QboInvoice[] } }>(shopId, {
    method: "GET",
    path: "query",
    query: { query: `select * from Invoice where DocNumber = ${quoteQuery(doc)}` },
  });
  return res.QueryResponse?.Invoice ?? [];
}

/** Quantity per item on an invoice as QuickBooks holds it (restricted to `refs`). */
export function invoiceQuantities(inv: QboInvoice, refs: Set<string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of inv.Line ?? []) {
    const ref = line.SalesItemLineDetail?.ItemRef?.value;
    const qty = line.SalesItemLineDetail?.Qty;
    if (line.DetailType !== "SalesItemLineDetail" || !ref || qty === undefined) continue;
    if (refs.has(ref)) out.set(ref, add(out.get(ref) ?? "0", toDecimalString(qty)));
  }
  return out;
}
