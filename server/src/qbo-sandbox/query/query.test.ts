/** Query language: parser table, escapes, parse errors, and execution on the demo company. */
import { describe, expect, it } from "vitest";
import { buildDemoCompany, DEMO_REALM_ID } from "../companies/demo-company.js";
import { QboError } from "../api/errors.js";
import { runQuery } from "./query-execute.js";
import { parseQuery } from "./query-parser.js";

describe("parseQuery", () => {
  it.each([
    ["select * from Item", { count: false, entity: "Item", where: [], orderBy: [] }],
    ["SELECT COUNT(*) FROM item", { count: true, entity: "item" }],
    [
      "select * from Item where Type = 'Inventory' and Active = true startposition 1 maxresults 1000",
      {
        where: [
          { field: "Type", op: "=", values: [{ kind: "string", value: "Inventory" }] },
          { field: "Active", op: "=", values: [{ kind: "bool", value: true }] },
        ],
        startPosition: 1,
        maxResults: 1000,
      },
    ],
    [
      "select * from Item where Name = 'Driver\\'s side mirror'",
      { where: [{ values: [{ value: "Driver's side mirror" }] }] },
    ],
    [
      "select * from Item where Name = 'back\\\\slash'",
      { where: [{ values: [{ value: "back\\slash" }] }] },
    ],
    [
      "select * from Item where Id in ('1', '2', '3')",
      { where: [{ op: "IN", values: [{ value: "1" }, { value: "2" }, { value: "3" }] }] },
    ],
    ["select * from Item where Name like 'Brake%'", { where: [{ op: "LIKE" }] }],
    [
      "select * from Item where UnitPrice >= 10.5 and UnitPrice < 100",
      { where: [{ op: ">=", values: [{ kind: "number", value: 10.5 }] }, { op: "<" }] },
    ],
    [
      "select * from Item where MetaData.LastUpdatedTime > '2024-01-01T00:00:00-07:00'",
      { where: [{ field: "MetaData.LastUpdatedTime", op: ">" }] },
    ],
    [
      "select * from Item orderby Name desc, Id",
      {
        orderBy: [
          { field: "Name", desc: true },
          { field: "Id", desc: false },
        ],
      },
    ],
    [
      "select * from Item ORDER BY Name ASC maxresults 5 startposition 3",
      { orderBy: [{ field: "Name", desc: false }], maxResults: 5, startPosition: 3 },
    ],
  ])("%s", (text, expected) => {
    expect(parseQuery(text)).toMatchObject(expected);
  });

  it.each([
    ["select Id, Name from Item", 'Encountered " Id " at line 1, column 8'],
    ["select * from Item where Name = 'open", "Lexical error"],
    ["select * from Item where Name = 'a' or Name = 'b'", 'Encountered " or "'],
    ["select * form Item", 'Encountered " form "'],
    ["select * from Item where Name != 'a'", "Lexical error"],
    ["select * from Item where", "<EOF>"],
    ["select * from Item maxresults ten", "<INTEGER>"],
    ["", "<EOF>"],
  ])("rejects %j with 4000", (text, detail) => {
    try {
      parseQuery(text);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(QboError);
      const e = err as QboError;
      expect([e.status, e.code, e.message]).toEqual([400, "4000", "Error parsing query"]);
      expect(e.detail).toMatch(/^QueryParserError: /);
      expect(e.detail).toContain(detail);
    }
  });
});

describe("runQuery on the demo company", () => {
  const company = buildDemoCompany(DEMO_REALM_ID, "Demo", Date.parse("2026-01-01T00:00:00Z"));
  const names = (q: string) =>
    ((runQuery(company, q).Item ?? []) as { Name: string }[]).map((i) => i.Name);

  it("filters with =, IN, LIKE, comparisons, case-insensitively", () => {
    expect(names("select * from Item where Name = 'driver\\'s SIDE mirror'")).toEqual([
      "Driver's side mirror",
    ]);
    expect(names("select * from item where Sku = 'BP-1001'")).toEqual([
      "Brake Pads Front Ceramic",
      "Brake Pads Rear Ceramic",
    ]);
    expect(names("select * from Item where Name like '%🌲'")).toEqual(["Air freshener 🌲"]);
    expect(names("select * from Item where Name like 'Pneu été%'")).toEqual(["Pneu été 205/55R16"]);
    expect(names("select * from Item where Id in ('1','2') orderby Id desc")).toEqual([
      "Oil Filter - Premium Synthetic",
      "Oil Filter - Standard",
    ]);
    expect(
      names("select * from Item where QtyOnHand < 3 and Type = 'Inventory' orderby QtyOnHand"),
    ).toEqual(["Timing Belt Kit", "Driver's side mirror", "CV Axle Front Left"]);
    expect(names("select * from Item where Id > '50'")).toEqual([
      "Labor - Tire Mount & Balance",
      "Brakes & Suspension",
    ]);
  });

  it("treats % as the only wildcard and \\% as a literal", () => {
    expect(names("select * from Item where Name like 'Wiper Blade 22_'")).toEqual([]);
    expect(names("select * from Item where Name like '100\\%'")).toEqual([]);
  });

  it("returns active records only unless Active is in the WHERE", () => {
    const count = (q: string) => runQuery(company, q).totalCount;
    expect(count("select count(*) from Customer")).toBe(25);
    expect(count("select count(*) from Customer where Active in (true, false)")).toBe(26);
    expect(count("select count(*) from Vendor where Active = false")).toBe(1);
    expect(count("select count(*) from Account")).toBe(13);
  });

  it("pages with STARTPOSITION/MAXRESULTS (cap 1000, default 100) and answers {} past the end", () => {
    expect(runQuery(company, "select * from Item startposition 51 maxresults 10")).toMatchObject({
      startPosition: 51,
      maxResults: 2,
    });
    expect(runQuery(company, "select * from Item maxresults 5000").maxResults).toBe(52);
    expect(runQuery(company, "select * from Item startposition 100")).toEqual({});
  });

  it("compares MetaData.LastUpdatedTime as a timestamp", () => {
    expect(
      runQuery(company, "select count(*) from Item where MetaData.LastUpdatedTime >= '2025-12-31'")
        .totalCount,
    ).toBe(52);
    expect(
      runQuery(
        company,
        "select count(*) from Item where MetaData.LastUpdatedTime > '2026-01-01T00:00:00Z'",
      ).totalCount,
    ).toBe(0);
  });

  it("rejects unknown entities and non-queryable properties with 4001", () => {
    expect(() => runQuery(company, "select * from Widget")).toThrow(
      expect.objectContaining({ code: "4001" }),
    );
    expect(() => runQuery(company, "select * from Invoice where PrivateNote = 'x'")).toThrow(
      expect.objectContaining({
        code: "4001",
        detail: "QueryValidationError: property 'PrivateNote' is not queryable",
      }),
    );
  });
});
