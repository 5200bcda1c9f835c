/** Invoices move inventory: create lowers QtyOnHand, update adjusts, void and delete restore. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../start.js";
import { api, connect, firstError } from "../test-helpers.js";

let sb: RunningSandbox;
let token: string;
const realm = () => sb.demoRealmId;

type Item = {
  Id: string;
  SyncToken: string;
  QtyOnHand: number;
  MetaData: { LastUpdatedTime: string };
};
type Invoice = {
  Id: string;
  SyncToken: string;
  DocNumber: string;
  TotalAmt: number;
  Balance: number;
  Line: { DetailType: string; Amount: number }[];
};

beforeAll(async () => {
  sb = await startSandbox({ port: 0, limits: { perSecond: 1000 } });
  token = (await connect(sb)).access_token;
});
afterAll(async () => sb.close());

const item = async (id: string) =>
  (await api<{ Item: Item }>(sb, token, realm(), `item/${id}`)).body.Item;
const customerBalance = async (id: string) =>
  (await api<{ Customer: { Balance: number } }>(sb, token, realm(), `customer/${id}`)).body.Customer
    .Balance;
const line = (
  itemId: string,
  qty: number,
  price: number,
  amount = Math.round(qty * price * 100) / 100,
) => ({
  Amount: amount,
  DetailType: "SalesItemLineDetail",
  SalesItemLineDetail: { ItemRef: { value: itemId }, Qty: qty, UnitPrice: price },
});

describe("invoice inventory effects", () => {
  it("create lowers QtyOnHand of tracked items exactly (2.5 quarts from 37.5), bumps SyncToken, leaves services alone", async () => {
    const oil = await item("21");
    expect(oil.QtyOnHand).toBe(37.5);
    const balanceBefore = await customerBalance("1");
    const res = await api<{ Invoice: Invoice }>(sb, token, realm(), "invoice?minorversion=75", {
      body: {
        CustomerRef: { value: "1" },
        Line: [line("21", 2.5, 9.49), line("1", 1, 8.99), line("47", 1.5, 145)],
      },
    });
    expect(res.status).toBe(200);
    const inv = res.body.Invoice;
    expect(inv.TotalAmt).toBe(250.22);
    expect(inv.Balance).toBe(inv.TotalAmt);
    expect(inv.DocNumber).toMatch(/^\d+$/);
    expect(inv.Line.at(-1)).toEqual({
      Amount: 250.22,
      DetailType: "SubTotalLineDetail",
      SubTotalLineDetail: {},
    });
    const after = await item("21");
    expect(after.QtyOnHand).toBe(35);
    expect(Number(after.SyncToken)).toBe(Number(oil.SyncToken) + 1);
    expect((await item("1")).QtyOnHand).toBe(47);
    expect(await customerBalance("1")).toBe(balanceBefore + 250.22);
  });

  it("update adjusts by the difference; void restores; delete restores", async () => {
    const created = (
      await api<{ Invoice: Invoice }>(sb, token, realm(), "invoice", {
        body: { CustomerRef: { value: "2" }, Line: [line("19", 4, 18.99)] },
      })
    ).body.Invoice;
    expect((await item("19")).QtyOnHand).toBe(60);

    const updated = (
      await api<{ Invoice: Invoice }>(sb, token, realm(), "invoice?operation=update", {
        body: {
          Id: created.Id,
          SyncToken: created.SyncToken,
          sparse: true,
          Line: [line("19", 6, 18.99), line("20", 2, 5.99)],
        },
      })
    ).body.Invoice;
    expect(updated.SyncToken).toBe("1");
    expect((await item("19")).QtyOnHand).toBe(58);
    expect((await item("20")).QtyOnHand).toBe(46);

    const voided = await api<{ Invoice: Invoice & { PrivateNote: string } }>(
      sb,
      token,
      realm(),
      "invoice?operation=void",
      {
        body: { Id: created.Id, SyncToken: updated.SyncToken },
      },
    );
    expect(voided.status).toBe(200);
    expect(voided.body.Invoice).toMatchObject({ TotalAmt: 0, Balance: 0, PrivateNote: "Voided" });
    expect((await item("19")).QtyOnHand).toBe(64);
    expect((await item("20")).QtyOnHand).toBe(48);
    expect(await customerBalance("2")).toBe(0);

    const second = (
      await api<{ Invoice: Invoice }>(sb, token, realm(), "invoice", {
        body: { CustomerRef: { value: "2" }, Line: [line("14", 1, 239.99)] },
      })
    ).body.Invoice;
    expect((await item("14")).QtyOnHand).toBe(4);
    const del = await api(sb, token, realm(), "invoice?operation=delete", {
      body: { Id: second.Id, SyncToken: second.SyncToken },
    });
    expect(del.body).toMatchObject({
      Invoice: { domain: "QBO", status: "Deleted", Id: second.Id },
    });
    expect((await item("14")).QtyOnHand).toBe(5);
    expect((await api(sb, token, realm(), `invoice/${second.Id}`)).status).toBe(400);
  });

  it("rejects Amount ≠ round2(Qty × UnitPrice) with 6070 and changes nothing", async () => {
    const res = await api(sb, token, realm(), "invoice", {
      body: { CustomerRef: { value: "4" }, Line: [line("11", 3, 17.99, 50)] },
    });
    expect(res.status).toBe(400);
    expect(firstError(res.body)).toMatchObject({
      code: "6070",
      Message: "Amount is not equal to UnitPrice * Qty",
    });
    expect((await item("11")).QtyOnHand).toBe(26);
  });

  it("allows stock to go negative (as the QBO UI does)", async () => {
    await api(sb, token, realm(), "invoice", {
      body: { CustomerRef: { value: "4" }, Line: [line("26", 3, 219.99)] },
    });
    expect((await item("26")).QtyOnHand).toBe(-1);
  });
});
