import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { parts, type PendingQboWrite } from "../../../db/schema/index.js";
import type { QboClient } from "../../../integrations/qbo/client.js";
import type { LoadedOrder } from "../orders.mapper.js";
import { ensureQuickBooksCustomer } from "./customer-link.js";
import { firstDocNumber } from "./doc-number.js";
import { invoiceLines, orderMarker, quantityDeltas, soldByItem } from "./invoice-body.js";
import { invoiceQuantities, readInvoice } from "./quickbooks-invoice.js";
import type { Mapped } from "./readiness.js";

export interface PreparedWrite {
  seq: number;
  pending: PendingQboWrite;
  /** What the write will do to each tracked item's QtyOnHand (for the inventory sync). */
  deltas: Map<string, string>;
}

/**
 * The next write that brings QuickBooks to the order's current revision: a create the first
 * time, else an update of the same invoice (Id + SyncToken), so QuickBooks moves each item's
 * quantity by the difference only. The requestid is derived from the order, its revision and
 * the write's sequence number: a retry of this write reuses it (Intuit replays the answer),
 * while a write Intuit refused gets a new one next time (Intuit would replay the refusal).
 */
export async function prepareWrite(
  db: Db,
  client: QboClient,
  realmId: string,
  loaded: LoadedOrder,
  mapped: Mapped,
): Promise<PreparedWrite> {
  const { order } = loaded;
  const customerRef = await ensureQuickBooksCustomer(db, client, realmId, loaded.customer);
  const sold = soldByItem(loaded);
  const seq = order.qboWriteSeq + 1;
  const common = {
    // The number it has (or, after a collision, will have) in QuickBooks: see doc-number.ts.
    DocNumber: order.qboDocNumber ?? firstDocNumber(order.number),
    CustomerRef: { value: customerRef },
    Line: invoiceLines(loaded, mapped),
    PrivateNote: orderMarker(order.id),
  };
  const reference = `invoice:${order.id}:${seq}`;
  if (!order.qboInvoiceId) {
    return {
      seq,
      deltas: quantityDeltas(new Map(), sold),
      pending: {
        op: "create",
        requestId: `${order.id}-${order.revision}-c${seq}`,
        revision: order.revision,
        body: common,
        reference,
        realmId,
      },
    };
  }
  const current = await readInvoice(client, order.shopId, order.qboInvoiceId);
  const tracked = await trackedRefs(db, order.shopId, current, sold);
  return {
    seq,
    deltas: quantityDeltas(invoiceQuantities(current, tracked), sold),
    pending: {
      op: "update",
      requestId: `${order.id}-${order.revision}-u${seq}`,
      revision: order.revision,
      // sparse: only what we own changes; Line is replaced as a whole (docs/quickbooks.md §4.6).
      body: { Id: current.Id, SyncToken: current.SyncToken, sparse: true, ...common },
      reference,
      realmId,
    },
  };
}

/** Items whose quantity we account for: linked stock-tracking parts of this shop. */
async function trackedRefs(
  db: Db,
  shopId: string,
  current: Parameters<typeof invoiceQuantities>[0],
  sold: Map<string, string>,
): Promise<Set<string>> {
  const onInvoice = (current.Line ?? [])
    .map((l) => l.SalesItemLineDetail?.ItemRef?.value)
    .filter((r): r is string => !!r);
  const refs = [...new Set(onInvoice)].filter((r) => !sold.has(r));
  const rows = refs.length
    ? await db
        .select({ ref: parts.quickBooksItemRef })
        .from(parts)
        .where(
          and(
            eq(parts.shopId, shopId),
            eq(parts.kind, "inventory"),
            inArray(parts.quickBooksItemRef, refs),
          ),
        )
    : [];
  return new Set([...sold.keys(), ...rows.map((r) => r.ref).filter((r): r is string => !!r)]);
}
