import { describe, expect, it } from "vitest";
import { DecimalStringSchema } from "./decimal.js";
import { PartInputSchema } from "./inventory.js";

describe("decimal strings on the wire", () => {
  it.each(["12.75", "0", "-3", "37.5", "0.0001", " 4.50 "])("accepts %j", (value) => {
    expect(DecimalStringSchema.safeParse(value).success).toBe(true);
  });

  it.each(["12.3.4", "1e3", "abc", "", "12,75", "0.00001"])(
    "rejects %j with a readable message",
    (value) => {
      const result = DecimalStringSchema.safeParse(value);
      expect(result.success).toBe(false);
    },
  );

  it("never turns money into a float in part input", () => {
    const parsed = PartInputSchema.parse({
      kind: "inventory",
      description: "Oil filter",
      cost: "4.10",
    });
    expect(parsed.cost).toBe("4.10");
    expect(typeof parsed.cost).toBe("string");
  });
});
