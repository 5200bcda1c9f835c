import { describe, expect, it } from "vitest";
import { compareDecimals, formatMoney, formatQuantity } from "./format-decimal";

describe("decimal display", () => {
  it("formats money per locale from the exact string", () => {
    expect(formatMoney("1234.5", "en")).toBe("$1,234.50");
    expect(formatMoney("1234.5", "fr").replace(/\s/g, " ")).toBe("1 234,50 $US");
    expect(formatMoney("12345678901234567.89", "en")).toBe("$12,345,678,901,234,567.89");
  });

  it("keeps fractional quantities (oil by the quart)", () => {
    expect(formatQuantity("37.5", "en")).toBe("37.5");
    expect(formatQuantity("52.25", "fr")).toBe("52,25");
  });

  it("compares exactly, whatever the number of digits", () => {
    expect(compareDecimals("4", "4.000")).toBe(0);
    expect(compareDecimals("3.9", "4")).toBe(-1);
    expect(compareDecimals("10", "9.99")).toBe(1);
    expect(compareDecimals("-1", "0")).toBe(-1);
    expect(compareDecimals("-2.5", "-2.25")).toBe(-1);
    expect(compareDecimals("0.0", "-0")).toBe(0);
  });
});
