import { describe, expect, it } from "vitest";
import { QboCustomerSchema, QboItemSchema, isStorableText, storableLabel } from "./schemas.js";

const item = (patch: object) => ({ Id: "1", Name: "Oil Filter", Type: "Inventory", ...patch });
const failedPath = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.success ? undefined : r.error?.issues[0]?.path.join(".");

describe("QuickBooks text we can store", () => {
  it.each([
    ["<script>alert(1)</script>", true],
    ['=HYPERLINK("x")\t\r\n\u0001\u007f\u202E', true],
    ["🛞 𠜎 👩🏽‍🔧", true],
    ["Oil\u0000Filter", false],
    ["half \uD83D pair", false],
    ["\uDC00orphan", false],
    ["pair reversed \uDE9E\uD83D", false],
  ])("%j storable: %s", (text, ok) => {
    expect(isStorableText(text)).toBe(ok);
  });

  it("labels unstorable text with U+FFFD, keeping whole pairs", () => {
    expect(storableLabel("Oil\u0000Filter \uD83D 🛞")).toBe("Oil\uFFFDFilter \uFFFD 🛞");
  });

  it("names the field that holds a NUL or a lone surrogate", () => {
    expect(failedPath(QboItemSchema.safeParse(item({ Sku: "a\u0000" })))).toBe("Sku");
    expect(failedPath(QboItemSchema.safeParse(item({ PrefVendorRef: { value: "\uD800" } })))).toBe(
      "PrefVendorRef.value",
    );
    expect(failedPath(QboCustomerSchema.safeParse({ Id: "7", BillAddr: { City: "\u0000" } }))).toBe(
      "BillAddr.City",
    );
  });
});

describe("QuickBooks numbers we can keep exactly", () => {
  it.each([0, -5.25, 37.5, 0.0001, 1e-7, 999_999_999_999.99, -999_999_999_999])(
    "accepts %s",
    (n) => {
      expect(QboItemSchema.safeParse(item({ UnitPrice: n })).success).toBe(true);
    },
  );

  it.each([
    // 20 digits: the JSON parse already rounded it to 12345678901234567000.
    JSON.parse("12345678901234567890") as number,
    JSON.parse("99999999999999999999") as number,
    JSON.parse("-99999999999999999999") as number,
    1e12,
    1e300,
    -1e300,
    0.1 + 0.2, // 0.30000000000000004: 17 significant digits, not a value anyone typed
  ])("skips %s as more digits than can be kept", (n) => {
    const r = QboItemSchema.safeParse(item({ QtyOnHand: n }));
    expect(failedPath(r)).toBe("QtyOnHand");
    expect(r.error?.issues[0]?.message).toBe("more digits than can be kept exactly");
  });
});
