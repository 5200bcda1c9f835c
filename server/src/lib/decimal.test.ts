import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  add,
  compare,
  isZero,
  lineAmount,
  multiply,
  normalize,
  round2,
  sameDecimal,
  subtract,
} from "./decimal.js";
import { toJsonNumber } from "../integrations/qbo/numbers.js";

describe("decimal", () => {
  it("computes line amounts the way Intuit checks them (6070)", () => {
    expect(lineAmount("2.5", "7.99")).toBe("19.98"); // 19.975 rounds half-up
    expect(lineAmount("3", "0.1")).toBe("0.30");
    expect(lineAmount("1.333", "3")).toBe("4.00");
    expect(lineAmount("0.005", "1")).toBe("0.01");
    expect(lineAmount("37.5", "12.75")).toBe("478.13"); // 478.125
  });

  it("adds, subtracts and compares without floats", () => {
    expect(add("0.1", "0.2")).toBe("0.3");
    expect(subtract("5", "7.25")).toBe("-2.25");
    expect(multiply("-2", "1.5")).toBe("-3");
    expect(compare("12.50", "12.5")).toBe(0);
    expect(compare("-1", "0")).toBe(-1);
    expect(round2("-2.345")).toBe("-2.35");
    expect(round2("4")).toBe("4.00");
  });

  it("sends JSON numbers that print back as the same digits", () => {
    expect(toJsonNumber("19.98")).toBe(19.98);
    expect(toJsonNumber("7.9900")).toBe(7.99);
  });

  it("rounds half-up like integer cents for any 4-decimal quantity and price", () => {
    const dec4 = fc
      .integer({ min: 0, max: 10_000_000 })
      .map((n) => `${Math.floor(n / 10_000)}.${String(n % 10_000).padStart(4, "0")}`);
    fc.assert(
      fc.property(dec4, dec4, (q, p) => {
        const exact = BigInt(q.replace(".", "")) * BigInt(p.replace(".", "")); // scale 8
        const cents = (exact + 500_000n) / 1_000_000n;
        const expected = `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;
        expect(lineAmount(q, p)).toBe(expected);
      }),
    );
  });
});

describe("decimal arithmetic on strings", () => {
  it("adds and subtracts exactly", () => {
    expect(add("0.1", "0.2")).toBe("0.3");
    expect(subtract("37.5", "52.25")).toBe("-14.75");
    expect(add("-3", "3")).toBe("0");
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
          expect(sameDecimal(add(s(a), s(b)), s(a + b))).toBe(true);
          expect(sameDecimal(subtract(s(a), s(b)), s(a - b))).toBe(true);
        },
      ),
    );
  });
});
