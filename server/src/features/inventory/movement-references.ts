import type { ImportCategory, StockMovement } from "@app/shared";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { importJobs, orders } from "../../db/schema/index.js";
import type { MovementRow } from "./inventory.mapper.js";

/** What the stored references (order:<id>, import:<job>, quickbooks:…) point at. */
export interface ReferenceLookups {
  orders: Map<string, number>;
  imports: Map<string, { category: ImportCategory; startedAt: Date }>;
}

const ORDER = "order:";
const IMPORT = "import:";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const idsAfter = (rows: MovementRow[], prefix: string) => [
  ...new Set(
    rows
      .map((r) => r.reference)
      .filter((r): r is string => !!r?.startsWith(prefix))
      .map((r) => r.slice(prefix.length))
      .filter((id) => UUID.test(id)),
  ),
];

/** One query per kind for a page of history, scoped to the shop. */
export async function lookUpReferences(
  db: Db,
  shopId: string,
  rows: MovementRow[],
): Promise<ReferenceLookups> {
  const orderIds = idsAfter(rows, ORDER);
  const jobIds = idsAfter(rows, IMPORT);
  const [orderRows, jobRows] = await Promise.all([
    orderIds.length
      ? db
          .select({ id: orders.id, number: orders.number })
          .from(orders)
          .where(and(eq(orders.shopId, shopId), inArray(orders.id, orderIds)))
      : [],
    jobIds.length
      ? db
          .select({ id: importJobs.id, category: importJobs.category, at: importJobs.createdAt })
          .from(importJobs)
          .where(and(eq(importJobs.shopId, shopId), inArray(importJobs.id, jobIds)))
      : [],
  ]);
  return {
    orders: new Map(orderRows.map((o) => [o.id, o.number])),
    imports: new Map(jobRows.map((j) => [j.id, { category: j.category, startedAt: j.at }])),
  };
}

const CATEGORY_NAMES: Record<ImportCategory, string> = {
  customers: "Customers",
  inventory: "Inventory",
  non_inventory: "Non-inventory",
};

const whenUtc = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  second: "2-digit",
  timeZone: "UTC",
  timeZoneName: "short",
});

type Readable = Pick<StockMovement, "reference" | "source" | "link">;

/** The stored reference as a person reads it (English here; the app translates `source`). */
export function readableReference(row: MovementRow, found: ReferenceLookups): Readable {
  const raw = row.reference;
  const none: Readable = { reference: null, source: null, link: null };
  if (!raw) return none;
  if (row.reason === "manual")
    return { reference: raw, source: { type: "person", name: raw }, link: null };
  if (raw.startsWith(ORDER)) {
    const id = raw.slice(ORDER.length);
    const number = found.orders.get(id);
    if (number === undefined) return { reference: "An order", source: null, link: null };
    return {
      reference: `Order #${number}`,
      source: { type: "order", number },
      link: { type: "order", id },
    };
  }
  if (raw.startsWith(IMPORT)) {
    const job = found.imports.get(raw.slice(IMPORT.length));
    if (!job) return { reference: "QuickBooks import", source: null, link: null };
    return {
      reference: `${CATEGORY_NAMES[job.category]} import, ${whenUtc.format(job.startedAt)}`,
      source: { type: "import", category: job.category, startedAt: job.startedAt.toISOString() },
      link: null,
    };
  }
  if (raw.startsWith("quickbooks:drift:"))
    return {
      reference: "Taken from QuickBooks in the drift report",
      source: { type: "quickbooks", via: "drift_report" },
      link: null,
    };
  if (raw.startsWith("quickbooks:"))
    return {
      reference: "Changed in QuickBooks",
      source: { type: "quickbooks", via: "sync" },
      link: null,
    };
  // Anything else was written for people already.
  return { ...none, reference: raw };
}
