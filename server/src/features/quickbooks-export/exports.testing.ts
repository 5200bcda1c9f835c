import type { ExportJob, Part } from "@app/shared";
import request from "supertest";
import { connectShop } from "../../testing/connect.js";
import { type RunningSandbox, admin } from "../../testing/sandbox.js";
import type { TestApp } from "../../testing/test-app.js";

/** A fresh, empty company (accounts only) connected to `shop`, so each test starts clean. */
export async function freshCompany(t: TestApp, sandbox: RunningSandbox, shop: string) {
  const { realmId } = await admin<{ realmId: string }>(sandbox, "POST", "/companies", {
    name: shop,
    seed: shop,
    items: { inventory: 0, nonInventory: 0, service: 0 },
    customers: 0,
    vendors: 0,
  });
  const done = await connectShop(t, shop, realmId);
  if (done.status !== 200) throw new Error(`connect ${shop} → ${done.status}`);
  return realmId;
}

export async function addPart(
  t: TestApp,
  shop: string,
  fields: Partial<Record<string, string | null>> & { description: string },
): Promise<Part> {
  const res = await request(t.app)
    .post("/api/inventory")
    .set("authorization", `Bearer ${await t.token(shop)}`)
    .send({ kind: "inventory", quantityAvailable: "1", ...fields });
  if (res.status !== 201) throw new Error(`add part → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Part;
}

/** Creates an item straight in QuickBooks, as the shop's bookkeeper would. */
export async function addItem(
  t: TestApp,
  shop: string,
  item: {
    Name: string;
    Sku?: string;
    Type?: "Inventory" | "NonInventory";
    QtyOnHand?: number;
    UnitPrice?: number;
    PurchaseCost?: number;
  },
): Promise<string> {
  const type = item.Type ?? "Inventory";
  const body =
    type === "Inventory"
      ? {
          TrackQtyOnHand: true,
          QtyOnHand: 0,
          InvStartDate: "2026-01-01",
          IncomeAccountRef: { value: "79" },
          ExpenseAccountRef: { value: "80" },
          AssetAccountRef: { value: "81" },
          ...item,
          Type: type,
        }
      : { IncomeAccountRef: { value: "79" }, ...item, Type: type };
  const res = await t.deps.qbo.client.call<{ Item: { Id: string } }>(shop, {
    method: "POST",
    path: "item",
    body,
  });
  return res.Item.Id;
}

export interface ItemRow {
  Id: string;
  Name: string;
  Sku?: string;
  Type: string;
  QtyOnHand?: number;
  UnitPrice?: number;
  PurchaseCost?: number;
  ReorderPoint?: number;
  InvStartDate?: string;
  AssetAccountRef?: { value: string };
  PrefVendorRef?: { value: string };
}

export async function itemsIn(t: TestApp, shop: string): Promise<ItemRow[]> {
  const res = await t.deps.qbo.client.call<{ QueryResponse: { Item?: ItemRow[] } }>(shop, {
    method: "GET",
    path: "query",
    query: { query: "select * from Item maxresults 1000" },
  });
  return res.QueryResponse.Item ?? [];
}

export async function waitForExport(t: TestApp, shop: string, id: string): Promise<ExportJob> {
  const auth = `Bearer ${await t.token(shop)}`;
  const until = Date.now() + 30_000;
  for (;;) {
    const res = await request(t.app)
      .get(`/api/quickbooks/exports/${id}`)
      .set("authorization", auth);
    const job = res.body as ExportJob;
    if (job.status === "succeeded" || job.status === "failed") return job;
    if (Date.now() > until) throw new Error(`export ${id} still ${job.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function partsOf(t: TestApp, shop: string): Promise<Part[]> {
  const res = await request(t.app)
    .get("/api/inventory?pageSize=200")
    .set("authorization", `Bearer ${await t.token(shop)}`);
  return (res.body as { items: Part[] }).items;
}
