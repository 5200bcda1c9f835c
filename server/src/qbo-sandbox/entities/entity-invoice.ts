/**
 * Invoice rules (docs/quickbooks.md §4.5): CustomerRef and Line required, auto DocNumber (the demo
 * company has CustomTxnNumbers off), 6140 duplicate DocNumber, TotalAmt/Balance computed.
 */
import { toNumber } from "../decimal.js";
import { errors } from "../api/errors.js";
import type { Entity } from "../json.js";
import { getNum, getRef, getStr } from "../json.js";
import { addDays, localDate } from "../time.js";
import type { WriteCtx } from "./entity-context.js";
import { checkRef, maxLength } from "./entity-fields.js";
import { prepareLines } from "./entity-invoice-lines.js";

export function prepareInvoice(ctx: WriteCtx, c: Entity, existing: Entity | undefined): Entity {
  if (getRef(c, "CustomerRef") === undefined) throw errors.requiredParam("CustomerRef");
  checkRef(ctx.company, c, existing, "CustomerRef", "Customer");
  const { lines, subtotal } = prepareLines(ctx, c.Line, existing);
  c.Line = lines;
  assignDocNumber(ctx, c, existing);
  const txnDate = getStr(c, "TxnDate") ?? localDate(ctx.now);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(txnDate))
    throw errors.invalidProperty("TxnDate (expected YYYY-MM-DD)");
  c.TxnDate = txnDate;
  c.DueDate ??= addDays(txnDate, 30);
  const total = toNumber(subtotal);
  c.TotalAmt = total;
  c.HomeTotalAmt = total;
  // No payments exist in the sandbox, so the open balance is the total.
  c.Balance = total;
  c.Deposit = 0;
  c.TxnTaxDetail = { TotalTax: 0 };
  c.CurrencyRef ??= { value: "USD", name: "United States Dollar" };
  c.ApplyTaxAfterDiscount ??= false;
  c.PrintStatus ??= "NotSet";
  c.EmailStatus ??= "NotSet";
  c.LinkedTxn ??= [];
  return c;
}

function assignDocNumber(ctx: WriteCtx, c: Entity, existing: Entity | undefined): void {
  const { company } = ctx;
  const given = getStr(c, "DocNumber");
  const id = existing ? getStr(existing, "Id") : undefined;
  if (given !== undefined && given !== "") {
    maxLength(c, "DocNumber", 21);
    const owner = company.docNumbers.get(given);
    if (owner !== undefined && owner !== id && !ctx.allowDuplicateDocNum)
      throw errors.duplicateDocNumber(given);
    return;
  }
  const kept = existing ? getStr(existing, "DocNumber") : undefined;
  if (kept !== undefined) {
    c.DocNumber = kept;
    return;
  }
  let n = company.nextDocNumber;
  while (company.docNumbers.has(String(n))) n++;
  company.nextDocNumber = n + 1;
  c.DocNumber = String(n);
}

export function isVoided(e: Entity): boolean {
  return getStr(e, "PrivateNote") === "Voided" && getNum(e, "TotalAmt") === 0;
}
