/** requestid replay, batch and CDC. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "./start.js";
import { admin, api, connect, firstError, query } from "./test-helpers.js";

let sb: RunningSandbox;
let token: string;
const realm = () => sb.demoRealmId;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, limits: { perSecond: 1000 } });
  token = (await connect(sb)).access_token;
});
afterAll(async () => sb.close());

const service = (name: string) => ({
  Name: name,
  Type: "Service",
  IncomeAccountRef: { value: "85" },
  UnitPrice: 80,
});
const countItems = async () =>
  (
    await query<{ QueryResponse: { totalCount: number } }>(
      sb,
      token,
      realm(),
      "select count(*) from Item",
    )
  ).body.QueryResponse.totalCount;

describe("requestid", () => {
  it("replays the first response without doing the write again", async () => {
    const before = await countItems();
    const first = await api(sb, token, realm(), "item?requestid=req-123", {
      body: service("Labor - Wheel Alignment"),
    });
    const second = await api(sb, token, realm(), "item?requestid=req-123", {
      body: service("Labor - Wheel Alignment"),
    });
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(await countItems()).toBe(before + 1);
    const fresh = await api(sb, token, realm(), "item?requestid=req-124", {
      body: service("Labor - Wheel Alignment"),
    });
    expect(firstError(fresh.body).code).toBe("6240");
  });
});

describe("batch", () => {
  it("runs up to 30 operations with per-item results and Faults in an HTTP 200", async () => {
    const res = await api<{ BatchItemResponse: Record<string, unknown>[] }>(
      sb,
      token,
      realm(),
      "batch",
      {
        body: {
          BatchItemRequest: [
            { bId: "b1", operation: "create", Item: service("Labor - Batch One") },
            {
              bId: "b2",
              operation: "update",
              Customer: { Id: "6", SyncToken: "99", sparse: true, Notes: "stale" },
            },
            { bId: "b3", Query: "select * from Item where Name = 'Labor - Batch One'" },
            { bId: "b4", operation: "create", Vendor: { DisplayName: "Maria Gonzalez" } },
          ],
        },
      },
    );
    expect(res.status).toBe(200);
    const [b1, b2, b3, b4] = res.body.BatchItemResponse;
    expect(b1).toMatchObject({ bId: "b1", Item: { Name: "Labor - Batch One" } });
    expect(b2).toMatchObject({
      bId: "b2",
      Fault: { type: "ValidationFault", Error: [{ code: "5010" }] },
    });
    expect(b3).toMatchObject({
      bId: "b3",
      QueryResponse: { Item: [{ Name: "Labor - Batch One" }], maxResults: 1 },
    });
    expect(b4).toMatchObject({ bId: "b4", Fault: { Error: [{ code: "6240" }] } });
  });

  it("refuses more than 30 items with 400 code 1040", async () => {
    const res = await api(sb, token, realm(), "batch", {
      body: {
        BatchItemRequest: Array.from({ length: 31 }, (_, i) => ({
          bId: `q${i}`,
          Query: "select * from Item",
        })),
      },
    });
    expect(res.status).toBe(400);
    expect(firstError(res.body)).toMatchObject({
      code: "1040",
      Message: "Batch size exceeds allowed limit",
    });
  });
});

describe("cdc", () => {
  it("returns changed entities, deleted ones as status Deleted, and refuses > 30 days", async () => {
    await admin(sb, "POST", "/clock", { advanceSeconds: 5 });
    const since = new Date(Date.now() + 5000 - 1).toISOString();
    await admin(sb, "POST", "/clock", { advanceSeconds: 1 });
    const inv = await api<{ Invoice: { Id: string; SyncToken: string } }>(
      sb,
      token,
      realm(),
      "invoice",
      {
        body: {
          CustomerRef: { value: "7" },
          Line: [
            {
              Amount: 9.49,
              DetailType: "SalesItemLineDetail",
              SalesItemLineDetail: { ItemRef: { value: "21" }, Qty: 1, UnitPrice: 9.49 },
            },
          ],
        },
      },
    );
    await api(sb, token, realm(), "invoice?operation=delete", {
      body: { Id: inv.body.Invoice.Id, SyncToken: inv.body.Invoice.SyncToken },
    });
    const res = await api<{
      CDCResponse: { QueryResponse: Record<string, unknown>[] }[];
      time: string;
    }>(
      sb,
      token,
      realm(),
      `cdc?entities=Item,Invoice,Vendor&changedSince=${encodeURIComponent(since)}`,
    );
    expect(res.status).toBe(200);
    const [items, invoices, vendors] = res.body.CDCResponse[0]?.QueryResponse ?? [];
    expect(items).toMatchObject({ Item: [{ Id: "21", SyncToken: "2" }], totalCount: 1 });
    expect(invoices).toMatchObject({
      Invoice: [{ domain: "QBO", status: "Deleted", Id: inv.body.Invoice.Id }],
    });
    expect(vendors).toEqual({});
    expect(res.body.time).toBeTruthy();
    const old = await api(sb, token, realm(), "cdc?entities=Item&changedSince=2020-01-01");
    expect(old.status).toBe(400);
  });
});
