/**
 * Merges made "in the QuickBooks UI" (`POST /_sandbox/merge`): the merged record is gone,
 * references follow the survivor, and a Merge webhook arrives in the legacy form (with
 * `deletedId`) and in the CloudEvents form.
 */
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "../start.js";
import { admin, api, connect, firstError } from "../test-helpers.js";

let sb: RunningSandbox;
let receiver: Server;
let receiverUrl: string;
let received: unknown[] = [];
let token: string;
const realm = () => sb.demoRealmId;

beforeAll(async () => {
  const app = express();
  app.post("/hook", express.json({ type: "*/*" }), (req, res) => {
    received.push(req.body);
    res.status(200).end();
  });
  receiver = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  sb = await startSandbox({ port: 0, limits: { perSecond: 1000 } });
  token = (await connect(sb)).access_token;
});
afterAll(async () => {
  await sb.close();
  await new Promise((r) => receiver.close(r));
});
beforeEach(() => {
  received = [];
});

interface LegacyEntity {
  name: string;
  id: string;
  operation: string;
  deletedId?: string;
}
const legacyEntities = () =>
  received.flatMap(
    (b) =>
      (
        b as { eventNotifications?: { dataChangeEvent: { entities: LegacyEntity[] } }[] }
      ).eventNotifications?.flatMap((n) => n.dataChangeEvent.entities) ?? [],
  );

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

const merge = (entity: string, fromId: string, toId: string) =>
  admin(sb, "POST", "/merge", { realmId: realm(), entity, fromId, toId });

describe("merges", () => {
  it("Item: the merged item reads 610, invoices point at the survivor, quantities add, Merge webhook with deletedId", async () => {
    await admin(sb, "PUT", "/webhook", { url: receiverUrl, format: "legacy" });
    const line = (id: string) => ({
      Amount: 8.99,
      DetailType: "SalesItemLineDetail",
      SalesItemLineDetail: { ItemRef: { value: id }, Qty: 1, UnitPrice: 8.99 },
    });
    const inv = await api<{ Invoice: { Id: string } }>(sb, token, realm(), "invoice", {
      body: { CustomerRef: { value: "1" }, Line: [line("7")] },
    });
    expect(inv.status).toBe(200);
    const item = async (id: string) =>
      api<{ Item: { QtyOnHand: number; SyncToken: string } }>(sb, token, realm(), `item/${id}`);
    const from = (await item("7")).body.Item;
    const to = (await item("8")).body.Item;
    received = [];

    const res = await merge("Item", "7", "8");
    expect(res.status).toBe(200);
    const gone = await item("7");
    expect(gone.status).toBe(400);
    expect(firstError(gone.body).code).toBe("610");
    const survivor = (await item("8")).body.Item;
    expect(survivor.QtyOnHand).toBe(from.QtyOnHand + to.QtyOnHand);
    expect(Number(survivor.SyncToken)).toBe(Number(to.SyncToken) + 1);
    const invoice = await api<{
      Invoice: { Line: { SalesItemLineDetail?: { ItemRef: { value: string } } }[] };
    }>(sb, token, realm(), `invoice/${inv.body.Invoice.Id}`);
    expect(invoice.body.Invoice.Line[0]?.SalesItemLineDetail?.ItemRef.value).toBe("8");

    await until(() => legacyEntities().some((e) => e.operation === "Merge"));
    expect(legacyEntities()).toContainEqual(
      expect.objectContaining({ name: "Item", id: "8", operation: "Merge", deletedId: "7" }),
    );
    const cdc = await api<{
      CDCResponse: { QueryResponse: { Item?: { Id: string; status?: string }[] }[] }[];
    }>(
      sb,
      token,
      realm(),
      `cdc?entities=Item&changedSince=${encodeURIComponent(new Date(sb.state.clock.now() - 60_000).toISOString())}`,
    );
    expect(cdc.body.CDCResponse[0]?.QueryResponse[0]?.Item).toContainEqual(
      expect.objectContaining({ Id: "7", status: "Deleted" }),
    );
  });

  it("Customer, CloudEvents form: qbo.customer.merged.v1 for the survivor, balance carried over", async () => {
    await admin(sb, "PUT", "/webhook", { url: receiverUrl, format: "cloudevents" });
    const balance = async (id: string) =>
      (await api<{ Customer: { Balance: number } }>(sb, token, realm(), `customer/${id}`)).body
        .Customer.Balance;
    const before = (await balance("1")) + (await balance("2"));
    const res = await merge("Customer", "1", "2");
    expect(res.status).toBe(200);
    expect(await balance("2")).toBe(before);
    await until(() => received.some(Array.isArray));
    const events = received.filter(Array.isArray).flat() as Record<string, unknown>[];
    expect(events).toContainEqual(
      expect.objectContaining({
        specversion: "1.0",
        type: "qbo.customer.merged.v1",
        intuitentityid: "2",
        intuitaccountid: realm(),
        data: { deletedId: "1" },
      }),
    );
    await admin(sb, "PUT", "/webhook", { url: receiverUrl, format: "legacy" });
  });

  it("Vendor: items that preferred the merged vendor now prefer the survivor", async () => {
    const byVendor = await api<{ Item: { PrefVendorRef?: { value: string } } }>(
      sb,
      token,
      realm(),
      "item/1",
    );
    const fromId = byVendor.body.Item.PrefVendorRef?.value ?? "";
    const toId = fromId === "50" ? "51" : "50";
    const res = await merge("Vendor", fromId, toId);
    expect(res.status).toBe(200);
    const after = await api<{ Item: { PrefVendorRef?: { value: string } } }>(
      sb,
      token,
      realm(),
      "item/1",
    );
    expect(after.body.Item.PrefVendorRef?.value).toBe(toId);
  });

  it("refuses what QuickBooks can't merge: different item types, unknown or identical records", async () => {
    expect((await merge("Item", "9", "47")).status).toBe(400); // Inventory into Service
    expect((await merge("Item", "9", "9")).status).toBe(400);
    expect((await merge("Customer", "9999", "3")).status).toBe(400);
    expect(
      (
        await admin(sb, "POST", "/merge", {
          realmId: realm(),
          entity: "Invoice",
          fromId: "1",
          toId: "2",
        })
      ).status,
    ).toBe(400);
  });

  it("an InventoryAdjustment is not a webhook entity: only its item's Update is sent", async () => {
    await admin(sb, "PUT", "/webhook", { url: receiverUrl, format: "legacy" });
    const res = await api(sb, token, realm(), "inventoryadjustment", {
      body: {
        AdjustAccountRef: { value: "80" },
        Line: [
          {
            DetailType: "ItemAdjustmentLineDetail",
            ItemAdjustmentLineDetail: { ItemRef: { value: "10" }, QtyDiff: 2 },
          },
        ],
      },
    });
    expect(res.status).toBe(200);
    // The adjustment and its item change are written together, so they'd share one delivery.
    await until(() => legacyEntities().some((e) => e.name === "Item" && e.id === "10"));
    expect(legacyEntities()).toContainEqual(
      expect.objectContaining({ name: "Item", id: "10", operation: "Update" }),
    );
    expect(legacyEntities().filter((e) => e.name === "InventoryAdjustment")).toEqual([]);
  });
});
