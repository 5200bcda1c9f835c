/** Accounting API: envelopes, create/update semantics and every Fault code with its exact shape. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../start.js";
import { api, connect, firstError, query } from "../test-helpers.js";

let sb: RunningSandbox;
let token: string;
const realm = () => sb.demoRealmId;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}-07:00$/;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, limits: { perSecond: 1000 } });
  token = (await connect(sb)).access_token;
});
afterAll(async () => sb.close());

const post = (path: string, body: unknown) => api(sb, token, realm(), path, { body });

function expectFault(
  res: { status: number; body: unknown },
  status: number,
  code: string,
  message: string,
): void {
  expect(res.status).toBe(status);
  const body = res.body as { Fault: { Error: unknown[]; type: string }; time: string };
  expect(Object.keys(body).sort()).toEqual(["Fault", "time"]);
  expect(body.time).toMatch(TIME);
  expect(body.Fault.type).toBe(status === 429 ? "SERVICE" : "ValidationFault");
  expect(Object.keys(firstError(body)).sort()).toEqual(["Detail", "Message", "code", "element"]);
  expect(firstError(body)).toMatchObject({ code, Message: message });
}

const inventoryBody = (name: string) => ({
  Name: name,
  Type: "Inventory",
  TrackQtyOnHand: true,
  QtyOnHand: 10,
  InvStartDate: "2026-01-01",
  Sku: "NEW-1",
  IncomeAccountRef: { value: "79" },
  ExpenseAccountRef: { value: "80" },
  AssetAccountRef: { value: "81" },
  UnitPrice: 12.5,
  PurchaseCost: 5,
});

describe("envelopes", () => {
  it("single entity, query, count and empty results, each with intuit_tid and time", async () => {
    const one = await api(sb, token, realm(), "item/1?minorversion=4");
    expect(one.headers.get("intuit_tid")).toBeTruthy();
    expect(one.headers.get("content-type")).toBe("application/json;charset=UTF-8");
    expect(one.body).toMatchObject({
      Item: { Id: "1", SyncToken: "0", Sku: "OF-2045", domain: "QBO", sparse: false },
    });
    expect(one.body.time).toMatch(TIME);
    const q = await query(sb, token, realm(), "select * from Item where Type = 'Service'");
    expect(q.body.QueryResponse).toMatchObject({ startPosition: 1, maxResults: 5 });
    expect(await query(sb, token, realm(), "select count(*) from Item")).toMatchObject({
      body: { QueryResponse: { totalCount: 52 } },
    });
    expect(
      (await query(sb, token, realm(), "select * from Item where Name = 'nothing'")).body
        .QueryResponse,
    ).toEqual({});
    const viaPost = await api(sb, token, realm(), "query", {
      body: "SELECT * FROM Vendor WHERE Active = false",
    });
    expect(viaPost.body).toMatchObject({ QueryResponse: { Vendor: [{ Id: "55" }] } });
    expect((await api(sb, token, realm(), `companyinfo/${realm()}`)).body).toMatchObject({
      CompanyInfo: { CompanyName: "Riverside Auto Parts (sandbox)" },
    });
    expect((await api(sb, token, realm(), "preferences")).body).toMatchObject({
      Preferences: { SalesFormsPrefs: { CustomTxnNumbers: false } },
    });
  });
});

describe("create and update", () => {
  it("creates with defaults, then sparse-updates and full-updates (omitted fields cleared)", async () => {
    const created = await post("item", inventoryBody("Brake Cleaner (14 oz)"));
    expect(created.status).toBe(200);
    const item = created.body.Item as Record<string, unknown>;
    expect(item).toMatchObject({
      SyncToken: "0",
      Active: true,
      Taxable: false,
      FullyQualifiedName: "Brake Cleaner (14 oz)",
      IncomeAccountRef: { value: "79", name: "Sales of Product Income" },
    });
    const sparse = await post("item", {
      Id: item.Id,
      SyncToken: "0",
      sparse: true,
      UnitPrice: 13.25,
    });
    expect(sparse.body.Item).toMatchObject({ SyncToken: "1", UnitPrice: 13.25, Sku: "NEW-1" });
    const full = await post("item", {
      ...inventoryBody("Brake Cleaner (14 oz)"),
      Sku: undefined,
      Id: item.Id,
      SyncToken: "1",
    });
    expect(full.body.Item).toMatchObject({ SyncToken: "2", UnitPrice: 12.5 });
    expect((full.body.Item as Record<string, unknown>).Sku).toBeUndefined();
  });

  it("6240: item names are unique; display names are unique across customers and vendors", async () => {
    const dup = await post("item", inventoryBody("oil filter - standard"));
    expectFault(dup, 400, "6240", "Duplicate Name Exists Error");
    expect(firstError(dup.body).Detail).toContain("The name supplied already exists.");
    const vendorNamedLikeCustomer = await post("vendor", { DisplayName: "Maria Gonzalez" });
    expectFault(vendorNamedLikeCustomer, 400, "6240", "Duplicate Name Exists Error");
    expect(firstError(vendorNamedLikeCustomer.body).Detail).toContain(
      "Another customer, vendor or employee is already using this name",
    );
    const derived = await post("customer", { GivenName: "Parts", FamilyName: "Person" });
    expect(derived.body.Customer).toMatchObject({
      DisplayName: "Parts Person",
      FullyQualifiedName: "Parts Person",
    });
    expectFault(
      await post("customer", { CompanyName: "X", DisplayName: "Parts Authority" }),
      400,
      "6240",
      "Duplicate Name Exists Error",
    );
  });

  it("2020: required fields, including the inventory ones", async () => {
    const { AssetAccountRef: _a, ...noAsset } = inventoryBody("No Asset Account");
    const r = await post("item", noAsset);
    expectFault(
      r,
      400,
      "2020",
      "Required param missing, need to supply the required value for the API",
    );
    expect(firstError(r.body)).toMatchObject({
      Detail: "Required parameter AssetAccountRef is missing in the request",
      element: "AssetAccountRef",
    });
    for (const field of [
      "InvStartDate",
      "QtyOnHand",
      "TrackQtyOnHand",
      "IncomeAccountRef",
      "ExpenseAccountRef",
    ]) {
      const body: Record<string, unknown> = inventoryBody(`Missing ${field}`);
      delete body[field];
      expect(firstError((await post("item", body)).body).code).toBe("2020");
    }
    expectFault(
      await post("item", { Type: "Service" }),
      400,
      "2020",
      "Required param missing, need to supply the required value for the API",
    );
    expectFault(
      await post("invoice", { Line: [] }),
      400,
      "2020",
      "Required param missing, need to supply the required value for the API",
    );
    expectFault(
      await post("item", { Id: "1", Name: "x" }),
      400,
      "2020",
      "Required param missing, need to supply the required value for the API",
    );
  });

  it("610: unknown or inactive references, and unknown ids", async () => {
    const r = await post("item", {
      ...inventoryBody("Bad Account"),
      AssetAccountRef: { value: "9999" },
    });
    expectFault(r, 400, "610", "Object Not Found");
    expect(firstError(r.body).element).toBe("AssetAccountRef");
    expectFault(
      await post("item", {
        ...inventoryBody("Inactive Vendor Part"),
        PrefVendorRef: { value: "55" },
      }),
      400,
      "610",
      "Object Not Found",
    );
    expectFault(
      await post("invoice", {
        CustomerRef: { value: "24" },
        Line: [
          {
            Amount: 8.99,
            DetailType: "SalesItemLineDetail",
            SalesItemLineDetail: { ItemRef: { value: "1" }, Qty: 1, UnitPrice: 8.99 },
          },
        ],
      }),
      400,
      "610",
      "Object Not Found",
    );
    expectFault(await api(sb, token, realm(), "item/424242"), 400, "610", "Object Not Found");
    // An existing link to an inactive vendor survives a sparse update of another field.
    const mirror = (await api(sb, token, realm(), "item/36")).body.Item as { SyncToken: string };
    expect(
      (await post("item", { Id: "36", SyncToken: mirror.SyncToken, sparse: true, ReorderPoint: 3 }))
        .status,
    ).toBe(200);
  });

  it("5010: stale SyncToken", async () => {
    const r = await post("customer", { Id: "5", SyncToken: "7", sparse: true, Notes: "stale" });
    expectFault(r, 400, "5010", "Stale Object Error");
    expect(firstError(r.body).Detail).toContain(
      "You and root were working on this at the same time.",
    );
  });

  it("6140 duplicate DocNumber, 2170 invalid enumeration, 500 unsupported delete, bad JSON", async () => {
    const body = (doc: string) => ({
      DocNumber: doc,
      CustomerRef: { value: "10" },
      Line: [
        {
          Amount: 5.99,
          DetailType: "SalesItemLineDetail",
          SalesItemLineDetail: { ItemRef: { value: "41" }, Qty: 1, UnitPrice: 5.99 },
        },
      ],
    });
    expect((await post("invoice", body("WO-1001"))).status).toBe(200);
    expectFault(
      await post("invoice", body("WO-1001")),
      400,
      "6140",
      "Duplicate Document Number Error",
    );
    expect((await post("invoice?include=allowduplicatedocnum", body("WO-1001"))).status).toBe(200);
    expectFault(
      await post("item", { ...inventoryBody("Bundle"), Type: "Bundle" }),
      400,
      "2170",
      "Invalid Enumeration",
    );
    expectFault(
      await post("item?operation=delete", { Id: "1", SyncToken: "0" }),
      400,
      "500",
      "Unsupported Operation",
    );
    const bad = await fetch(`${sb.url}/v3/company/${realm()}/item`, {
      method: "POST",
      headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(bad.status).toBe(400);
    expect(firstError(await bad.json()).code).toBe("2010");
  });

  it("4000 and 4001 from the query endpoint", async () => {
    const r = await query(
      sb,
      token,
      realm(),
      "select * from Item where Name = 'Driver's side mirror'",
    );
    expectFault(r, 400, "4000", "Error parsing query");
    expect(firstError(r.body).Detail).toMatch(/^QueryParserError: (Lexical error|Encountered)/);
    expectFault(
      await query(sb, token, realm(), "select * from Invoice where PrivateNote = 'x'"),
      400,
      "4001",
      "Invalid query",
    );
  });

  it("4001 for a filter on an Item property Intuit does not allow filtering on; sorting stays allowed", async () => {
    for (const field of ["IncomeAccountRef", "PrefVendorRef", "Description"]) {
      const r = await query(sb, token, realm(), `select * from Item where ${field} = '79'`);
      expectFault(r, 400, "4001", "Invalid query");
      expect(firstError(r.body).Detail).toBe(
        `QueryValidationError: property '${field}' is not queryable`,
      );
    }
    const sorted = await query(
      sb,
      token,
      realm(),
      "select * from Item where Type = 'Inventory' orderby QtyOnHand maxresults 3",
    );
    expect(sorted.status).toBe(200);
  });

  it("6520: an invoice line on a tracked Inventory item without Qty; fine on a service", async () => {
    const invoice = (itemId: string, detail: Record<string, unknown>) => ({
      CustomerRef: { value: "10" },
      Line: [
        {
          Amount: 20,
          DetailType: "SalesItemLineDetail",
          SalesItemLineDetail: { ItemRef: { value: itemId }, ...detail },
        },
      ],
    });
    const before = (await api<{ Item: { QtyOnHand: number } }>(sb, token, realm(), "item/12")).body
      .Item.QtyOnHand;
    const r = await post("invoice", invoice("12", { UnitPrice: 20 }));
    expectFault(
      r,
      400,
      "6520",
      "A business validation error has occurred while processing your request",
    );
    expect(firstError(r.body).element).toBe("Line.SalesItemLineDetail.Qty");
    expect(
      (await api<{ Item: { QtyOnHand: number } }>(sb, token, realm(), "item/12")).body.Item
        .QtyOnHand,
    ).toBe(before);
    expect((await post("invoice", invoice("47", {}))).status).toBe(200);
  });
});
