import { type Part, type PartInput, PartInputSchema, type PartKind } from "@app/shared";

/** What the form holds: text as typed, so "12,50" or "" never round-trips through a float. */
export interface PartFormValues {
  kind: PartKind;
  description: string;
  note: string;
  partNumber: string;
  vendorName: string;
  cost: string;
  retailCost: string;
  quantityAvailable: string;
  criticalQuantity: string;
}

export type PartFormField = keyof PartFormValues;
export type FieldErrorKey = "required" | "decimal" | "negative" | "tooLong";
export type PartFormErrors = Partial<Record<PartFormField, FieldErrorKey>>;

export const emptyPartForm: PartFormValues = {
  kind: "inventory",
  description: "",
  note: "",
  partNumber: "",
  vendorName: "",
  cost: "",
  retailCost: "",
  quantityAvailable: "",
  criticalQuantity: "",
};

export function partToForm(p: Part): PartFormValues {
  return {
    kind: p.kind,
    description: p.description,
    note: p.note,
    partNumber: p.partNumber,
    vendorName: p.vendor?.name ?? "",
    cost: p.cost,
    retailCost: p.retailCost,
    quantityAvailable: p.quantityAvailable ?? "",
    criticalQuantity: p.criticalQuantity ?? "",
  };
}

/** French readers type "12,75": a lone decimal comma becomes the dot the API expects. */
const decimal = (v: string) => v.trim().replace(/^(-?\d+),(\d+)$/, "$1.$2");
const orNull = (v: string) => (v.trim() === "" ? null : decimal(v));

function errorKey(code: string): FieldErrorKey {
  if (code === "too_big") return "tooLong";
  if (code === "custom") return "negative"; // the schema's one refinement: zero or more
  if (code === "too_small") return "required";
  return "decimal";
}

/** Form text → the API's input, checked by the same zod schema the server uses. */
export function formToInput(
  v: PartFormValues,
): { ok: true; input: PartInput } | { ok: false; errors: PartFormErrors } {
  const tracked = v.kind === "inventory";
  const result = PartInputSchema.safeParse({
    kind: v.kind,
    description: v.description,
    note: v.note,
    partNumber: v.partNumber,
    vendorName: v.vendorName.trim() === "" ? null : v.vendorName,
    cost: decimal(v.cost) || "0",
    retailCost: decimal(v.retailCost) || "0",
    quantityAvailable: tracked ? orNull(v.quantityAvailable) : null,
    criticalQuantity: tracked ? orNull(v.criticalQuantity) : null,
  });
  if (result.success) return { ok: true, input: result.data };
  const errors: PartFormErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as PartFormField;
    errors[field] ??= errorKey(issue.code);
  }
  return { ok: false, errors };
}

/** The server's 400 details ("body.cost") onto the form's fields. */
export function serverErrors(details: unknown): PartFormErrors {
  const errors: PartFormErrors = {};
  if (!Array.isArray(details)) return errors;
  for (const d of details as { path?: string }[]) {
    const field = d.path?.replace(/^body\./, "").split(".")[0] as PartFormField | undefined;
    if (field && field in emptyPartForm) errors[field] = "decimal";
  }
  return errors;
}
