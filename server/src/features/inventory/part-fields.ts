import type { PartInput, PartKind, PartPatch } from "@app/shared";
import type { PartWrite } from "./parts.repository.js";

type Fields = Omit<PartWrite, "vendorId">;

/*
 * Quantities belong to inventory parts only (the import leaves both columns null for
 * non-inventory items). An inventory part always has a quantity: one that starts tracking
 * stock starts at zero, never at null. The critical quantity may stay unset.
 */

export function fieldsForCreate(input: PartInput): Fields {
  const { vendorName: _vendor, ...fields } = input;
  if (fields.kind === "non_inventory") {
    return { ...fields, quantityAvailable: null, criticalQuantity: null };
  }
  return { ...fields, quantityAvailable: fields.quantityAvailable ?? "0" };
}

/** Only what the patch names changes, except quantities, which follow the (new) kind. */
export function fieldsForPatch(current: { kind: PartKind }, patch: PartPatch): Partial<Fields> {
  const { vendorName: _vendor, ...fields } = patch;
  const kind = patch.kind ?? current.kind;
  if (kind === "non_inventory")
    return { ...fields, quantityAvailable: null, criticalQuantity: null };
  const startsTracking = current.kind === "non_inventory" && fields.quantityAvailable === undefined;
  if (fields.quantityAvailable === null || startsTracking)
    return { ...fields, quantityAvailable: "0" };
  return fields;
}
