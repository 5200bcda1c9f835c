/** Item rules (docs/quickbooks.md §4.1): Name unique (6240), per-Type required fields (2020), refs (610). */
import { nameKey } from "../companies/company.js";
import { dec, toNumber } from "../decimal.js";
import { tracksInventory } from "../companies/edition.js";
import { errors } from "../api/errors.js";
import type { Entity } from "../json.js";
import { getNum, getRef, getStr } from "../json.js";
import type { WriteCtx } from "./entity-context.js";
import { boolField, checkRef, maxLength, numberField, requireStr } from "./entity-fields.js";

const ITEM_TYPES = new Set(["Inventory", "NonInventory", "Service", "Category"]);

export function prepareItem(ctx: WriteCtx, c: Entity, existing: Entity | undefined): Entity {
  const { company } = ctx;
  const name = requireStr(c, "Name").trim();
  c.Name = name;
  maxLength(c, "Name", 100);
  maxLength(c, "Sku", 100);
  maxLength(c, "Description", 4000);
  maxLength(c, "PurchaseDesc", 1000);
  const type = getStr(c, "Type") ?? "NonInventory";
  if (!ITEM_TYPES.has(type)) throw errors.invalidEnum("Type", type);
  c.Type = type;
  const oldType = existing ? getStr(existing, "Type") : undefined;
  if (oldType === "Inventory" && type !== "Inventory")
    throw errors.business("You can't change the type of an inventory item.");

  const id = existing ? getStr(existing, "Id") : undefined;
  const clash = company.itemNames.get(nameKey(name));
  if (clash !== undefined && clash !== id) throw errors.duplicateName("item", clash);

  for (const key of ["UnitPrice", "PurchaseCost", "QtyOnHand", "ReorderPoint"]) numberField(c, key);
  c.Active = boolField(c, "Active", true);

  if (type === "Category") return prepareCategory(c);
  c.Taxable = boolField(c, "Taxable", false);
  c.UnitPrice = getNum(c, "UnitPrice") ?? 0;
  c.PurchaseCost = getNum(c, "PurchaseCost") ?? 0;

  if (type === "Inventory") {
    // Simple Start and Essentials have no quantity tracking; QBO answers as it does when
    // "Track quantity on hand" is off (observed: intuit/QuickBooks-V3-DotNET-SDK#10).
    if (!tracksInventory(company.edition) && oldType !== "Inventory")
      throw errors.business(
        "When you create an item, if Track quantity on hand is turned off, the item cannot be of type Inventory.",
      );
    for (const key of ["IncomeAccountRef", "ExpenseAccountRef", "AssetAccountRef"])
      if (getRef(c, key) === undefined) throw errors.requiredParam(key);
    requireStr(c, "InvStartDate");
    if (getNum(c, "QtyOnHand") === undefined) throw errors.requiredParam("QtyOnHand");
    if (c.TrackQtyOnHand === undefined || c.TrackQtyOnHand === null)
      throw errors.requiredParam("TrackQtyOnHand");
    if (c.TrackQtyOnHand !== true)
      throw errors.business("Inventory items must track quantity on hand (TrackQtyOnHand).");
    // Quantities are exact decimals; normalize once so later arithmetic starts clean.
    c.QtyOnHand = toNumber(dec(getNum(c, "QtyOnHand") ?? 0));
  } else {
    if (type === "Service" && getRef(c, "IncomeAccountRef") === undefined)
      throw errors.requiredParam("IncomeAccountRef");
    if (
      type === "NonInventory" &&
      getRef(c, "IncomeAccountRef") === undefined &&
      getRef(c, "ExpenseAccountRef") === undefined
    )
      throw errors.requiredParam("IncomeAccountRef");
    c.TrackQtyOnHand = false;
    delete c.QtyOnHand;
  }
  for (const key of ["IncomeAccountRef", "ExpenseAccountRef", "AssetAccountRef", "COGSAccountRef"])
    checkRef(company, c, existing, key, "Account");
  checkRef(company, c, existing, "PrefVendorRef", "Vendor");
  return withHierarchy(ctx, c, existing, name);
}

function prepareCategory(c: Entity): Entity {
  for (const k of [
    "IncomeAccountRef",
    "ExpenseAccountRef",
    "AssetAccountRef",
    "QtyOnHand",
    "UnitPrice",
    "PurchaseCost",
    "TrackQtyOnHand",
  ])
    delete c[k];
  c.SubItem = false;
  c.FullyQualifiedName = getStr(c, "Name") ?? "";
  return c;
}

/** SubItem/ParentRef → FullyQualifiedName "Parent:Child" and Level. */
function withHierarchy(
  ctx: WriteCtx,
  c: Entity,
  existing: Entity | undefined,
  name: string,
): Entity {
  const subItem = boolField(c, "SubItem", false);
  c.SubItem = subItem;
  if (!subItem) {
    delete c.ParentRef;
    delete c.Level;
    c.FullyQualifiedName = name;
    return c;
  }
  if (getRef(c, "ParentRef") === undefined) throw errors.requiredParam("ParentRef");
  checkRef(ctx.company, c, existing, "ParentRef", "Item");
  const parent = ctx.company.get("Item", getRef(c, "ParentRef") ?? "");
  const parentFqn = parent ? (getStr(parent.e, "FullyQualifiedName") ?? "") : "";
  c.FullyQualifiedName = `${parentFqn}:${name}`;
  c.Level = (parent ? (getNum(parent.e, "Level") ?? 0) : 0) + 1;
  return c;
}
