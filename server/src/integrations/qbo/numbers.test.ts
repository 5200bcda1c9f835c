import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toDecimalString } from "./numbers.js";

describe("toDecimalString", () => {
  it.each([
    [37.5, "37.5"],
    [52.25, "52.25"],
    [69.99, "69.99"],
    [0, "0"],
    [-0, "0"],
    [-3, "-3"],
    [1e-7, "0.0000001"],
    [1.5e-7, "0.00000015"],
    [-2.5e-8, "-0.000000025"],
    [1e21, "1000000000000000000000"],
    [1.25e22, "12500000000000000000000"],
  ])("%s → %s", (input, expected) => {
    expect(toDecimalString(input)).toBe(expected);
  });

  it("never emits an exponent and round-trips to the same number", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const s = toDecimalString(n);
        expect(s).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(s)).toBe(n === 0 ? 0 : n);
      }),
    );
  });

  it("refuses NaN and infinities", () => {
    expect(() => toDecimalString(Number.NaN)).toThrow(RangeError);
    expect(() => toDecimalString(Infinity)).toThrow(RangeError);
  });
});
