import {
  type Order,
  type OrderLine,
  type OrderQuickBooks,
  type StockWarning,
  quickBooksInvoiceUrl,
} from "@app/shared";
import type { customers, orderLines, orders, parts } from "../../db/schema/index.js";
import { normalize } from "../../lib/decimal.js";
import { firstDocNumber, nextDocNumber } from "./quickbooks/doc-number.js";

/** How a send refused by Intuit's "Duplicate Document Number" (6140) is recorded. */
const DUPLICATE_NUMBER = "quickbooks_6140";

export type OrderRow = typeof orders.$inferSelect;
export type LineRow = typeof orderLines.$inferSelect;
export type PartRow = typeof parts.$inferSelect;
export type CustomerRow = typeof customers.$inferSelect;

export interface LoadedOrder {
  order: OrderRow;
  lines: { line: LineRow; part: PartRow | null }[];
  customer: CustomerRow;
  stockWarnings: StockWarning[];
}

/** How a person is named on an order and as a QuickBooks DisplayName. */
export function customerName(c: Pick<CustomerRow, "firstName" | "lastName" | "companyName">) {
  const person = [c.firstName, c.lastName].filter((s) => s.trim() !== "").join(" ");
  return person || c.companyName || "Customer";
}

/** Money always shows two decimals; quantities as entered ("2.5", not "2.5000"). */
export const money = (v: string) =>
  v.includes(".") ? v.padEnd(v.indexOf(".") + 3, "0") : `${v}.00`;

function toLine({ line, part }: LoadedOrder["lines"][number]): OrderLine {
  return {
    id: line.id,
    kind: line.kind,
    partId: line.partId,
    description: line.description,
    quantity: normalize(line.quantity),
    unitPrice: normalize(line.unitPrice),
    amount: money(normalize(line.amount)),
    quickBooksItemRef: part?.quickBooksItemRef ?? null,
    tracksStock: part?.kind === "inventory",
  };
}

export function toQuickBooks(o: OrderRow): OrderQuickBooks {
  const out: OrderQuickBooks = { status: o.qboStatus };
  if (o.qboInvoiceId) {
    out.invoiceId = o.qboInvoiceId;
    out.link = quickBooksInvoiceUrl(o.qboInvoiceId);
  }
  if (o.qboDocNumber && o.qboInvoiceId) out.docNumber = o.qboDocNumber;
  if (o.qboStatus === "failed" && o.qboErrorCode === DUPLICATE_NUMBER && !o.qboInvoiceId)
    out.nextDocNumber = nextDocNumber(o.number, o.qboDocNumber ?? firstDocNumber(o.number));
  if (o.qboLastSentAt) out.lastSentAt = o.qboLastSentAt.toISOString();
  if (o.qboError && o.qboStatus === "failed")
    out.error = {
      message: o.qboError,
      ...(o.qboErrorCode ? { code: o.qboErrorCode } : {}),
      // A refusal: Intuit's own words inside a sentence in the reader's language.
      ...(o.qboError.startsWith(REFUSED)
        ? {
            reason: "quickbooks_refused_invoice" as const,
            params: { detail: o.qboError.slice(REFUSED.length) },
          }
        : {}),
    };
  return out;
}

/** How send-order.ts words Intuit's refusal of an invoice before Intuit's own detail. */
const REFUSED = "QuickBooks refused the invoice: ";

export function toOrder(l: LoadedOrder): Order {
  const { order, customer } = l;
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    customer: {
      id: customer.id,
      name: customerName(customer),
      quickBooksCustomerRef: customer.quickBooksCustomerRef,
    },
    lines: l.lines.map(toLine),
    total: money(normalize(order.total)),
    revision: order.revision,
    ...(order.invoicedAt ? { invoicedAt: order.invoicedAt.toISOString() } : {}),
    stockWarnings: l.stockWarnings,
    quickBooks: toQuickBooks(order),
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}
