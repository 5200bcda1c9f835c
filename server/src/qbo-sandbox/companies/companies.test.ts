/** Demo company facts, generated companies (determinism, paging 2,500 items, 100k scale), persistence. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_COMPANY_FACTS as F } from "./demo-company.facts.js";
import { startSandbox, type RunningSandbox } from "../start.js";
import { admin, api, connect, query } from "../test-helpers.js";

type Row = Record<string, unknown> & { Id: string };
type QR = {
  QueryResponse: {
    Item?: Row[];
    Customer?: Row[];
    Vendor?: Row[];
    totalCount?: number;
    maxResults?: number;
  };
};

let sb: RunningSandbox;
let token: string;
beforeAll(async () => {
  sb = await startSandbox({ port: 0, limits: { perSecond: 1000 } });
  token = (await connect(sb)).access_token;
});
afterAll(async () => sb.close());

const all = async (realmId: string, tok: string, entity: string, where = "") =>
  (
    (await query<QR>(sb, tok, realmId, `select * from ${entity} ${where} maxresults 1000`)).body
      .QueryResponse as Record<string, Row[] | undefined>
  )[entity] ?? [];

describe("demo company", () => {
  it("matches demo-company.facts.ts", async () => {
    expect(sb.demoRealmId).toBe(F.realmId);
    const items = await all(F.realmId, token, "Item", "where Active in (true, false)");
    expect(items).toHaveLength(F.items.total);
    for (const [type, n] of Object.entries(F.items.byType))
      expect(items.filter((i) => i.Type === type)).toHaveLength(n);
    expect(await all(F.realmId, token, "Item")).toHaveLength(F.items.active);
    const customers = await all(F.realmId, token, "Customer", "where Active in (true, false)");
    expect(customers).toHaveLength(F.customers.total);
    expect(customers.filter((c) => c.Active === false).map((c) => c.Id)).toEqual(
      F.customers.inactiveIds,
    );
    expect(customers.find((c) => c.Job === true)).toMatchObject({
      Id: "25",
      ParentRef: { value: "3" },
      FullyQualifiedName: "Riverside Plumbing LLC:Van #4 (2018 Ford Transit)",
    });
    const vendors = await all(F.realmId, token, "Vendor", "where Active in (true, false)");
    expect(vendors).toHaveLength(F.vendors.total);
    expect(vendors.filter((v) => v.Active === false).map((v) => v.Id)).toEqual(
      F.vendors.inactiveIds,
    );
    expect((await all(F.realmId, token, "Account")).length).toBe(F.accounts.total);
  });

  it("contains the importer-breaking cases", async () => {
    const items = await all(F.realmId, token, "Item");
    const byId = new Map(items.map((i) => [i.Id, i]));
    expect(items.filter((i) => i.Sku === undefined).map((i) => i.Id)).toEqual(F.edgeCases.noSku);
    expect(items.filter((i) => i.Sku === "BP-1001").map((i) => i.Id)).toEqual(
      F.edgeCases.sharedSku.itemIds,
    );
    expect(byId.get("32")?.Name).toBe(F.edgeCases.apostrophe.name);
    expect(byId.get("33")?.Name).toBe(F.edgeCases.accents.name);
    expect(byId.get("34")?.Name).toBe(F.edgeCases.emoji.name);
    for (const { id, qty } of F.edgeCases.fractionalQty) expect(byId.get(id)?.QtyOnHand).toBe(qty);
    expect(byId.get("36")?.PrefVendorRef).toMatchObject({ value: "55" });
    expect(String(byId.get("37")?.Description).length).toBeGreaterThanOrEqual(
      F.edgeCases.longDescription.minLength,
    );
    for (const [sku, ids] of Object.entries(F.matchingSkus))
      expect(items.filter((i) => i.Sku === sku).map((i) => i.Id)).toEqual(ids);
    const inv = items.filter((i) => i.Type === "Inventory");
    for (const i of inv)
      expect(i).toMatchObject({
        TrackQtyOnHand: true,
        IncomeAccountRef: { value: "79" },
        ExpenseAccountRef: { value: "80" },
        AssetAccountRef: { value: "81" },
      });
  });
});

describe("generated companies", () => {
  it("are deterministic for a seed and page 2,500 items with no duplicates or gaps", async () => {
    const spec = {
      seed: "paging-2500",
      items: { inventory: 2000, nonInventory: 300, service: 200 },
      customers: 40,
      vendors: 8,
    };
    const a = await admin(sb, "POST", "/companies", spec);
    const b = await admin(sb, "POST", "/companies", spec);
    expect(a.status).toBe(201);
    expect(b.body.realmId).toBe(a.body.realmId);
    const realmId = String(a.body.realmId);
    const tok = (await connect(sb, realmId)).access_token;
    const listed = await admin(sb, "GET", "/companies");
    expect(listed.body.items).toContainEqual({
      realmId,
      name: "Generated Auto Parts paging-2500",
      plan: "plus",
      country: "US",
      counts: {
        Account: 13,
        Item: 2500,
        Customer: 40,
        Vendor: 8,
        Invoice: 0,
        InventoryAdjustment: 0,
      },
    });
    const seen = new Set<string>();
    let pages = 0;
    for (let start = 1; ; start += 300) {
      const page = await query<QR>(
        sb,
        tok,
        realmId,
        `SELECT * FROM Item STARTPOSITION ${start} MAXRESULTS 300`,
      );
      const rows = page.body.QueryResponse.Item ?? [];
      pages++;
      for (const r of rows) seen.add(r.Id);
      if (rows.length < 300) break;
    }
    expect(pages).toBe(9);
    expect(seen.size).toBe(2500);
    expect([...seen].map(Number).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 2500 }, (_, i) => i + 1),
    );
    const first = await api<{ Item: Row }>(sb, tok, realmId, "item/1");
    const again = await admin(sb, "POST", "/companies", spec); // recreate: same data
    const tok2 = (await connect(sb, String(again.body.realmId))).access_token;
    // Same data; only the creation timestamps may differ (they follow the clock).
    const withoutMeta = ({ MetaData: _meta, ...rest }: Row) => rest;
    const recreated = await api<{ Item: Row }>(sb, tok2, realmId, "item/1");
    expect(withoutMeta(recreated.body.Item)).toEqual(withoutMeta(first.body.Item));
  });

  it("creates 100,000 items and pages them from one cached scan", async () => {
    const started = performance.now();
    const heapBefore = process.memoryUsage().heapUsed;
    const res = await admin(sb, "POST", "/companies", {
      seed: "scale",
      items: { inventory: 100_000 },
      customers: 10,
      vendors: 5,
    });
    const createdMs = performance.now() - started;
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    expect(res.status).toBe(201);
    const realmId = String(res.body.realmId);
    const tok = (await connect(sb, realmId)).access_token;
    const t0 = performance.now();
    const first = await query<QR>(
      sb,
      tok,
      realmId,
      "select * from Item where Type = 'Inventory' startposition 1 maxresults 1000",
    );
    const t1 = performance.now();
    // Later pages reuse the first page's filtered, sorted scan instead of redoing it. Asserted on
    // the cache itself, not on timings: a busy machine makes any page slow (times are logged).
    const cache = sb.state.companies.get(realmId)!.queryCache;
    const scans = [...cache.values()].map((c) => c.rows);
    expect(scans.map((rows) => rows.length)).toEqual([100_000]);
    const last = await query<QR>(
      sb,
      tok,
      realmId,
      "select * from Item where Type = 'Inventory' startposition 99001 maxresults 1000",
    );
    const t2 = performance.now();
    expect(first.body.QueryResponse.maxResults).toBe(1000);
    expect(last.body.QueryResponse.Item?.at(-1)?.Id).toBe("100000");
    expect([...cache.values()].map((c) => c.rows)).toEqual(scans);
    expect([...cache.values()][0]!.rows).toBe(scans[0]); // the same scan, not a new one
    console.info(
      `[qbo-sandbox] 100k items: created in ${createdMs.toFixed(0)} ms, heap +${heapMb.toFixed(0)} MB, first page ${(t1 - t0).toFixed(0)} ms, page 100 ${(t2 - t1).toFixed(0)} ms`,
    );
    await admin(sb, "POST", "/reset");
  });
});

describe("persistence", () => {
  it("keeps companies, written rows and tokens across a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qbo-sandbox-"));
    const file = join(dir, "state.json");
    try {
      const one = await startSandbox({ port: 0, persistPath: file });
      const gen = await admin(one, "POST", "/companies", {
        seed: "persisted",
        items: { inventory: 50 },
        customers: 2,
        vendors: 1,
      });
      const t = await connect(one);
      const created = await api<{ Item: Row }>(one, t.access_token, one.demoRealmId, "item", {
        body: { Name: "Persisted Service", Type: "Service", IncomeAccountRef: { value: "85" } },
      });
      await api(one, t.access_token, one.demoRealmId, "invoice", {
        body: {
          CustomerRef: { value: "1" },
          Line: [
            {
              Amount: 9.49,
              DetailType: "SalesItemLineDetail",
              SalesItemLineDetail: { ItemRef: { value: "21" }, Qty: 1, UnitPrice: 9.49 },
            },
          ],
        },
      });
      await one.close();
      const two = await startSandbox({ port: 0, persistPath: file });
      try {
        const item = await api<{ Item: Row }>(
          two,
          t.access_token,
          two.demoRealmId,
          `item/${created.body.Item.Id}`,
        );
        expect(item.status).toBe(200);
        expect(item.body.Item.Name).toBe("Persisted Service");
        expect(
          (await api<{ Item: Row }>(two, t.access_token, two.demoRealmId, "item/21")).body.Item
            .QtyOnHand,
        ).toBe(36.5);
        const companies = (await admin(two, "GET", "/companies")).body.items as {
          realmId: string;
        }[];
        expect(companies.map((c) => c.realmId)).toContain(gen.body.realmId);
        const next = await api<{ Item: Row }>(two, t.access_token, two.demoRealmId, "item", {
          body: { Name: "After Restart", Type: "Service", IncomeAccountRef: { value: "85" } },
        });
        expect(Number(next.body.Item.Id)).toBe(Number(created.body.Item.Id) + 1);
      } finally {
        await two.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
