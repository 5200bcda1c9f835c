/**
 * InventoryAdjustment over real HTTP: create (QtyDiff or NewQty) moves QtyOnHand exactly and
 * bumps the item, read/query/delete work, and Intuit's refusals (untracked or inactive item,
 * plan or country without the feature) leave stock untouched.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../start.js";
import { admin, api, connect, firstError, query } from "../test-helpers.js";

let sb: RunningSandbox;
let token: string;
const realm = () => sb.demoRealmId;

type Item = { Id: string; SyncToken: string; QtyOnHand: number; Active: boolean };
type Adjustment = {
  Id: string;
  SyncToken: string;
  TxnDate: string;
  AdjustAccountRef: { value: string; name?: string };
  Line: {
    Id: string;
    DetailType: string;
    ItemAdjustmentLineDetail: { ItemRef: { value: string }; QtyDiff: number };
  }[];
};

beforeAll(async () => {
  sb = await startSandbox({ port: 0, limits: { perSecond: 1000 } });
  token = (await connect(sb)).access_token;
});
afterAll(async () => sb.close());

const item = async (id: string) =>
  (await api<{ Item: Item }>(sb, token, realm(), `item/${id}`)).body.Item;
const line = (itemId: string, detail: Record<string, number>) => ({
  DetailType: "ItemAdjustmentLineDetail",
  ItemAdjustmentLineDetail: { ItemRef: { value: itemId }, ...detail },
});
const adjust = (body: Record<string, unknown>, realmId = realm(), tok = token) =>
  api<{ InventoryAdjustment: Adjustment }>(
    sb,
    tok,
    realmId,
    "inventoryadjustment?minorversion=75",
    {
      body: { AdjustAccountRef: { value: "80" }, ...body },
    },
  );

describe("InventoryAdjustment", () => {
  it("QtyDiff +5 and NewQty 40 move QtyOnHand exactly and bump each item's SyncToken", async () => {
    const oil = await item("21"); // 37.5 quarts
    const filter = await item("1");
    const res = await adjust({
      TxnDate: "2026-11-28",
      Line: [line("21", { QtyDiff: 0.25 }), line("1", { NewQty: 40 })],
    });
    expect(res.status).toBe(200);
    const adj = res.body.InventoryAdjustment;
    expect(adj.SyncToken).toBe("0");
    expect(adj.TxnDate).toBe("2026-11-28");
    expect(adj.AdjustAccountRef).toEqual({ value: "80", name: "Cost of Goods Sold" });
    expect(adj.Line.map((l) => l.ItemAdjustmentLineDetail.QtyDiff)).toEqual([
      0.25,
      40 - filter.QtyOnHand,
    ]);
    const oilAfter = await item("21");
    expect(oilAfter.QtyOnHand).toBe(37.75);
    expect(Number(oilAfter.SyncToken)).toBe(Number(oil.SyncToken) + 1);
    expect((await item("1")).QtyOnHand).toBe(40);

    const read = await api<{ InventoryAdjustment: Adjustment }>(
      sb,
      token,
      realm(),
      `inventoryadjustment/${adj.Id}`,
    );
    expect(read.body.InventoryAdjustment).toEqual(adj);
    const q = await query<{ QueryResponse: { InventoryAdjustment?: Adjustment[] } }>(
      sb,
      token,
      realm(),
      "select * from InventoryAdjustment where TxnDate = '2026-11-28'",
    );
    expect(q.body.QueryResponse.InventoryAdjustment?.map((a) => a.Id)).toEqual([adj.Id]);
  });

  it("delete takes the quantity back; the adjustment then reads as not found (610)", async () => {
    const before = (await item("2")).QtyOnHand;
    const adj = (await adjust({ Line: [line("2", { QtyDiff: -3 })] })).body.InventoryAdjustment;
    expect((await item("2")).QtyOnHand).toBe(before - 3);
    const del = await api<{ InventoryAdjustment: { status: string; Id: string } }>(
      sb,
      token,
      realm(),
      "inventoryadjustment?operation=delete",
      { body: { Id: adj.Id, SyncToken: adj.SyncToken } },
    );
    expect(del.status).toBe(200);
    expect(del.body.InventoryAdjustment).toMatchObject({ status: "Deleted", Id: adj.Id });
    expect((await item("2")).QtyOnHand).toBe(before);
    const gone = await api(sb, token, realm(), `inventoryadjustment/${adj.Id}`);
    expect(gone.status).toBe(400);
    expect(firstError(gone.body).code).toBe("610");
  });

  it("an update is refused (Intuit documents create, read, query and delete only)", async () => {
    const adj = (await adjust({ Line: [line("3", { QtyDiff: 1 })] })).body.InventoryAdjustment;
    const res = await api(sb, token, realm(), "inventoryadjustment?operation=update", {
      body: { ...adj, TxnDate: "2026-01-01" },
    });
    expect(res.status).toBe(400);
    expect(firstError(res.body).code).toBe("500");
  });

  it("refuses a service item, an inactive item and missing fields, leaving stock untouched", async () => {
    const service = await adjust({ Line: [line("47", { QtyDiff: 1 })] });
    expect(service.status).toBe(400);
    expect(firstError(service.body)).toMatchObject({ code: "6000" });
    expect(firstError(service.body).Detail).toContain("track quantity on hand");

    const target = await item("4");
    const off = await api<{ Item: Item }>(sb, token, realm(), "item?operation=update", {
      body: { Id: "4", SyncToken: target.SyncToken, sparse: true, Active: false },
    });
    expect(off.status).toBe(200);
    const inactive = await adjust({ Line: [line("4", { QtyDiff: 2 }), line("5", { QtyDiff: 1 })] });
    expect(inactive.status).toBe(400);
    expect(firstError(inactive.body).code).toBe("610");
    expect((await item("4")).QtyOnHand).toBe(target.QtyOnHand);

    const noAccount = await api(sb, token, realm(), "inventoryadjustment", {
      body: { Line: [line("5", { QtyDiff: 1 })] },
    });
    expect(firstError(noAccount.body)).toMatchObject({ code: "2020", element: "AdjustAccountRef" });
    const noQty = await adjust({ Line: [line("5", {})] });
    expect(firstError(noQty.body).code).toBe("2020");
    const unknown = await adjust({ Line: [line("9999", { QtyDiff: 1 })] });
    expect(firstError(unknown.body).code).toBe("610");
  });

  it("shows in CDC with the item it moved", async () => {
    const clock = await admin(sb, "POST", "/clock", { advanceSeconds: 10 });
    const since = String(clock.body.now);
    const adj = (await adjust({ Line: [line("6", { QtyDiff: 4 })] })).body.InventoryAdjustment;
    const cdc = await api<{
      CDCResponse: { QueryResponse: Record<string, { Id: string; QtyOnHand?: number }[]>[] }[];
    }>(sb, token, realm(), `cdc?entities=Item,InventoryAdjustment&changedSince=${since}`);
    expect(cdc.status).toBe(200);
    const [items, adjustments] = cdc.body.CDCResponse[0]?.QueryResponse ?? [];
    expect(items?.Item?.map((i) => i.Id)).toContain("6");
    expect(adjustments?.InventoryAdjustment?.map((a) => a.Id)).toEqual([adj.Id]);
  });
});

describe("plans and countries without the adjustment API", () => {
  it.each([
    ["essentials", "US"],
    ["plus", "CA"],
  ])("%s / %s: refused with a business validation error (6000)", async (plan, country) => {
    const made = await admin(sb, "POST", "/companies", {
      seed: `adj-${plan}-${country}`,
      plan,
      country,
    });
    expect(made.status).toBe(201);
    const realmId = String(made.body.realmId);
    const tok = (await connect(sb, realmId)).access_token;
    const res = await adjust({ Line: [line("1", { QtyDiff: 1 })] }, realmId, tok);
    expect(res.status).toBe(400);
    expect(firstError(res.body).code).toBe("6000");
    expect(firstError(res.body).Detail).toContain("Plus and Advanced in the US");
  });
});
