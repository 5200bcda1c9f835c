import {
  DecimalStringSchema,
  type Order,
  type OrderInput,
  type OrderLineKind,
  decimalAdd,
  lineAmount,
} from "@app/shared";

export interface DraftLine {
  key: string;
  kind: OrderLineKind;
  partId: string;
  description: string;
  quantity: string;
  unitPrice: string;
}

export interface Draft {
  customerId: string;
  lines: DraftLine[];
}

let counter = 0;
export const newKey = () => `line-${++counter}`;

export const emptyLine = (kind: OrderLineKind): DraftLine => ({
  key: newKey(),
  kind,
  partId: "",
  description: "",
  quantity: "1",
  unitPrice: kind === "part" ? "" : "0",
});

export function draftOf(order: Order): Draft {
  return {
    customerId: order.customer.id,
    lines: order.lines.map((l) => ({
      key: newKey(),
      kind: l.kind,
      partId: l.partId ?? "",
      description: l.description,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
    })),
  };
}

const isDecimal = (v: string) => DecimalStringSchema.safeParse(v).success;

/** The amount the server will store (same shared math), or null while the inputs are partial. */
export function previewAmount(line: DraftLine): string | null {
  if (!isDecimal(line.quantity) || !isDecimal(line.unitPrice)) return null;
  return lineAmount(line.quantity.trim(), line.unitPrice.trim());
}

export function previewTotal(lines: DraftLine[]): string | null {
  const amounts = lines.map(previewAmount);
  if (amounts.some((a) => a === null)) return null;
  return decimalAdd("0", ...(amounts as string[]));
}

/** What the API takes: part lines without a price use the part's retail price. */
export function toInput(draft: Draft): OrderInput {
  return {
    customerId: draft.customerId,
    lines: draft.lines.map((l) =>
      l.kind === "part"
        ? {
            kind: "part",
            partId: l.partId,
            quantity: l.quantity.trim(),
            ...(l.unitPrice.trim() ? { unitPrice: l.unitPrice.trim() } : {}),
          }
        : {
            kind: l.kind,
            description: l.description,
            quantity: l.quantity.trim(),
            unitPrice: l.unitPrice.trim(),
          },
    ),
  };
}
