/**
 * Customer and Vendor rules (docs/quickbooks.md §4.2/§4.3): DisplayName derived from name parts when
 * absent, unique across customers AND vendors (6240), ParentRef for jobs, Balance read-only.
 */
import { nameKey } from "../companies/company.js";
import { errors } from "../api/errors.js";
import type { Entity } from "../json.js";
import { getNum, getRef, getStr } from "../json.js";
import type { WriteCtx } from "./entity-context.js";
import { boolField, checkRef, maxLength } from "./entity-fields.js";

function displayNameOf(c: Entity): string {
  const given = getStr(c, "DisplayName")?.trim();
  if (given) return given;
  const parts = ["Title", "GivenName", "MiddleName", "FamilyName", "Suffix"]
    .map((k) => getStr(c, k)?.trim())
    .filter((p): p is string => !!p);
  if (parts.length) return parts.join(" ");
  const company = getStr(c, "CompanyName")?.trim();
  if (company) return company;
  throw errors.requiredParam("DisplayName");
}

function prepareName(
  ctx: WriteCtx,
  type: "Customer" | "Vendor",
  c: Entity,
  existing: Entity | undefined,
): string {
  const display = displayNameOf(c);
  if (/[:\t\n]/.test(display))
    throw errors.invalidString("DisplayName", "DisplayName cannot contain a colon, tab or newline");
  c.DisplayName = display;
  maxLength(c, "DisplayName", 500);
  const id = existing ? getStr(existing, "Id") : undefined;
  const clash = ctx.company.displayNames.get(nameKey(display));
  if (clash && !(clash.type === type && clash.id === id))
    throw errors.duplicateName("name", clash.id);
  c.Active = boolField(c, "Active", true);
  if (getStr(c, "PrintOnCheckName") === undefined)
    c.PrintOnCheckName = getStr(c, "CompanyName") ?? display;
  c.CurrencyRef ??= { value: "USD", name: "United States Dollar" };
  return display;
}

export function prepareCustomer(ctx: WriteCtx, c: Entity, existing: Entity | undefined): Entity {
  const display = prepareName(ctx, "Customer", c, existing);
  c.Taxable = boolField(c, "Taxable", true);
  // Balance is read-only: it follows invoices, never the request.
  c.Balance = existing ? (getNum(existing, "Balance") ?? 0) : 0;
  c.BalanceWithJobs = existing ? (getNum(existing, "BalanceWithJobs") ?? 0) : 0;
  c.PreferredDeliveryMethod ??= "Print";
  const parentId = getRef(c, "ParentRef");
  if (parentId === undefined) {
    c.Job = false;
    c.BillWithParent = false;
    delete c.ParentRef;
    delete c.Level;
    c.FullyQualifiedName = display;
    return c;
  }
  if (parentId === getStr(existing ?? {}, "Id"))
    throw errors.business("A customer cannot be its own parent.");
  checkRef(ctx.company, c, existing, "ParentRef", "Customer");
  const parent = ctx.company.get("Customer", parentId);
  c.Job = boolField(c, "Job", true);
  c.BillWithParent = boolField(c, "BillWithParent", false);
  c.Level = (parent ? (getNum(parent.e, "Level") ?? 0) : 0) + 1;
  c.FullyQualifiedName = `${parent ? (getStr(parent.e, "FullyQualifiedName") ?? "") : ""}:${display}`;
  return c;
}

export function prepareVendor(ctx: WriteCtx, c: Entity, existing: Entity | undefined): Entity {
  prepareName(ctx, "Vendor", c, existing);
  c.Balance = existing ? (getNum(existing, "Balance") ?? 0) : 0;
  c.Vendor1099 = boolField(c, "Vendor1099", false);
  return c;
}
