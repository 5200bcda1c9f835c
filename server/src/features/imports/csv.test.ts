import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./csv.js";

describe("CSV cells", () => {
  it.each([
    ["plain", "plain"],
    ["Driver's side mirror", "Driver's side mirror"],
    ['Wiper Blade 22"', '"Wiper Blade 22"""'],
    ["a,b", '"a,b"'],
    ["two\nlines", '"two\nlines"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ["-5 mm", "'-5 mm"],
    ["Air freshener 🌲", "Air freshener 🌲"],
    [null, ""],
  ])("%j → %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("ends lines with CRLF", () => {
    expect(csvLine(["1", "a,b", null])).toBe('1,"a,b",\r\n');
  });
});
