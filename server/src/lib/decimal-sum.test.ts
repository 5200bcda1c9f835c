import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isZero, normalize, sameDecimal, subtract, sum } from "./decimal.js";

describe("decimal arithmetic on strings", () => {
  it("adds and subtracts exactly", () => {
    expect(sum("0.1", "0.2")).toBe("0.3");
    expect(subtract("37.5", "52.25")).toBe("-14.75");
    expect(sum("-3", "3")).toBe("0");
    expect(subtract("10", "0.0001")).toBe("9.9999");
    expect(normalize("12.50")).toBe("12.5");
    expect(sameDecimal("12.50", "12.5")).toBe(true);
    expect(sameDecimal(null, "0")).toBe(false);
    expect(isZero("-0.000")).toBe(true);
  });

  it("agrees with integer arithmetic on scaled values", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: -1e9, max: 1e9 }),
        (a, b) => {
          const s = (n: number) => (n / 100).toFixed(2);
          expect(sameDecimal(sum(s(a), s(b)), s(a + b))).toBe(true);
          expect(sameDecimal(subtract(s(a), s(b)), s(a - b))).toBe(true);
        },
      ),
    );
  });
});
