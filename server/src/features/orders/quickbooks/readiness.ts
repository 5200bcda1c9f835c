import { type CategoryItems, SALES_CATEGORIES, type SalesCategory } from "@app/shared";
import type { Db } from "../../../db/client.js";
import { AppError } from "../../../http/errors.js";
import { QboError, notConnected, reconnectRequired } from "../../../integrations/qbo/errors.js";
import { getAccountingSettings } from "../../accounting/accounting.repository.js";
import { findConnection } from "../../quickbooks-connection/connection.repository.js";

const LABELS: Record<SalesCategory, string> = {
  parts: "Parts",
  labor: "Labor",
  tires: "Tires",
  fees: "Fees",
  subcontracts: "Subcontracts",
  shop_supplies: "Shop supplies",
};

export type Mapped = { [K in SalesCategory]: string };

/** Said in the order's QuickBooks panel and in the 409, with the place to fix it. */
export function unmappedError(missing: SalesCategory[]): AppError {
  return new AppError(
    409,
    "conflict",
    `Map ${missing.map((c) => LABELS[c]).join(", ")} to a QuickBooks item in Settings → QuickBooks → Configure accounting before sending invoices`,
    { reason: "accounting_not_configured", categories: missing },
    { reason: "accounting_not_configured" },
  );
}

/**
 * Checked before anything is sent: a connected company and every sales category mapped (the
 * product's rule: all six are required). Throws what the API answers (409 with the fix).
 */
export async function assertReadyToSend(db: Db, shopId: string): Promise<Mapped> {
  const connection = await findConnection(db, shopId);
  if (connection?.status === "needs_reconnect") throw reconnectRequired();
  if (connection?.status !== "connected") throw notConnected();
  const { categoryItems } = await getAccountingSettings(db, shopId);
  return assertMapped(categoryItems);
}

export function assertMapped(items: CategoryItems): Mapped {
  const missing = SALES_CATEGORIES.filter((c) => !items[c]);
  if (missing.length > 0) throw unmappedError(missing);
  return items as Mapped;
}

/** Why a send can't start, in the words of the order's QuickBooks panel (undefined: other). */
export function notReadyFailure(err: unknown): { code: string; message: string } | undefined {
  if (err instanceof AppError) {
    const reason = (err.details as { reason?: unknown } | undefined)?.reason;
    return { code: typeof reason === "string" ? reason : err.code, message: err.message };
  }
  if (err instanceof QboError && err.kind === "not_connected")
    return {
      code: "quickbooks_not_connected",
      message: "Connect QuickBooks in Settings → QuickBooks, then retry",
    };
  if (err instanceof QboError && err.kind === "reconnect_required")
    return {
      code: "quickbooks_reconnect_required",
      message: "Reconnect QuickBooks in Settings → QuickBooks, then retry",
    };
  return undefined;
}
