import { PartListSchema, PartSortSchema } from "@app/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, createTestApp } from "../../testing/test-app.js";
import { testBackends } from "../../testing/test-database.js";
import { parts } from "../../db/schema/index.js";
import { as, ensureShop, insertPart, insertVendor } from "./inventory.testing.js";

const SHOP = "list-shop";

describe.each(testBackends())("listing inventory on %s", (backend) => {
  let t: TestApp;
  let list: (query: string) => Promise<{ descriptions: string[]; total: number; page: number }>;

  beforeAll(async () => {
    t = await createTestApp(backend);
    const db = t.deps.db;
    const napa = await insertVendor(db, SHOP, "NAPA Auto Parts", "52");
    await insertPart(db, SHOP, {
      description: "Oil filter",
      partNumber: "OF-2045",
      cost: "3.25",
      quantityAvailable: "48",
      criticalQuantity: "12",
      quickBooksItemRef: "1",
    });
    await insertPart(db, SHOP, {
      description: "Brake pads front",
      partNumber: "BP-1001",
      vendorId: napa.id,
      cost: "28.5",
      quantityAvailable: "4",
      criticalQuantity: "4",
      quickBooksItemRef: "5",
    });
    await insertPart(db, SHOP, {
      description: "Brake rotor",
      partNumber: "BR-3300",
      vendorId: napa.id,
      cost: "41.2",
      quantityAvailable: "1",
      criticalQuantity: "2",
    });
    await insertPart(db, SHOP, {
      description: 'Wiper blade 22"',
      partNumber: "WB-22",
      cost: "6.2",
      quantityAvailable: "26.5",
      criticalQuantity: "8",
    });
    await insertPart(db, SHOP, {
      kind: "non_inventory",
      description: "Tire disposal fee",
      partNumber: "FEE_1",
      cost: "1.5",
      quantityAvailable: null,
      criticalQuantity: null,
      quickBooksItemRef: "40",
    });
    await insertPart(db, SHOP, {
      kind: "non_inventory",
      description: "100% synthetic upgrade",
      partNumber: "SYN",
      cost: "10",
      quantityAvailable: null,
    });
    await insertPart(db, "other-shop", {
      description: "Oil filter (other shop)",
      partNumber: "OF-2045",
    });
    const api = await as(t, SHOP);
    list = async (query) => {
      const res = await api.get(`/api/inventory?${query}`).expect(200);
      const body = PartListSchema.parse(res.body);
      return {
        descriptions: body.items.map((p) => p.description),
        total: body.total,
        page: body.page,
      };
    };
  });
  afterAll(() => t.close());

  it("lists only the session's shop, sorted by description by default", async () => {
    expect(await list("")).toEqual({
      descriptions: [
        "100% synthetic upgrade",
        "Brake pads front",
        "Brake rotor",
        "Oil filter",
        "Tire disposal fee",
        'Wiper blade 22"',
      ],
      total: 6,
      page: 1,
    });
  });

  it("searches description, part number and vendor name, case-insensitively and as typed", async () => {
    expect((await list("search=BRAKE")).descriptions).toEqual(["Brake pads front", "Brake rotor"]);
    expect((await list("search=of-20")).descriptions).toEqual(["Oil filter"]);
    expect((await list("search=napa")).descriptions).toEqual(["Brake pads front", "Brake rotor"]);
    // % and _ are characters to find, not wildcards.
    expect((await list("search=100%25")).descriptions).toEqual(["100% synthetic upgrade"]);
    expect((await list("search=FEE_")).descriptions).toEqual(["Tire disposal fee"]);
    expect((await list("search=zzz")).total).toBe(0);
  });

  it("filters by kind, link and low stock (quantity at or below critical), combined", async () => {
    expect((await list("kind=non_inventory")).descriptions).toEqual([
      "100% synthetic upgrade",
      "Tire disposal fee",
    ]);
    expect((await list("linked=true")).descriptions).toEqual([
      "Brake pads front",
      "Oil filter",
      "Tire disposal fee",
    ]);
    expect((await list("linked=false&kind=inventory")).descriptions).toEqual([
      "Brake rotor",
      'Wiper blade 22"',
    ]);
    expect((await list("lowStock=true")).descriptions).toEqual(["Brake pads front", "Brake rotor"]);
    expect((await list("lowStock=true&linked=false&search=rotor")).descriptions).toEqual([
      "Brake rotor",
    ]);
  });

  it("sorts by numbers as numbers, untracked quantities last both ways", async () => {
    expect((await list("sort=-cost")).descriptions[0]).toBe("Brake rotor");
    expect((await list("sort=cost")).descriptions).toEqual([
      "Tire disposal fee",
      "Oil filter",
      'Wiper blade 22"',
      "100% synthetic upgrade",
      "Brake pads front",
      "Brake rotor",
    ]);
    const asc = (await list("sort=quantityAvailable")).descriptions;
    const desc = (await list("sort=-quantityAvailable")).descriptions;
    expect(asc.slice(0, 4)).toEqual([
      "Brake rotor",
      "Brake pads front",
      'Wiper blade 22"',
      "Oil filter",
    ]);
    expect(desc.slice(0, 4)).toEqual([
      "Oil filter",
      'Wiper blade 22"',
      "Brake pads front",
      "Brake rotor",
    ]);
    expect(desc.slice(4).sort()).toEqual(["100% synthetic upgrade", "Tire disposal fee"]);
  });

  it("pages: a full page, the short last page, and past the end an empty page with the total", async () => {
    expect(await list("pageSize=4&page=1")).toMatchObject({ total: 6, page: 1 });
    expect((await list("pageSize=4&page=1")).descriptions).toHaveLength(4);
    expect((await list("pageSize=4&page=2")).descriptions).toEqual([
      "Tire disposal fee",
      'Wiper blade 22"',
    ]);
    expect(await list("pageSize=4&page=3")).toEqual({ descriptions: [], total: 6, page: 3 });
  });

  it("keeps pages disjoint when many rows tie on the sort key (id tiebreak)", async () => {
    for (let i = 0; i < 7; i++)
      await insertPart(t.deps.db, "tie-shop", { description: "Same", cost: "1" });
    const api = await as(t, "tie-shop");
    const ids: string[] = [];
    for (const page of [1, 2, 3]) {
      const res = await api.get(`/api/inventory?sort=-cost&pageSize=3&page=${page}`).expect(200);
      ids.push(...(res.body.items as { id: string }[]).map((p) => p.id));
    }
    expect(new Set(ids).size).toBe(7);
  });

  it("shows the same pages when Next names the last part seen (every sort, ties and untracked quantities)", async () => {
    const api = await as(t, SHOP);
    for (const sort of PartSortSchema.options) {
      const byNumber: string[][] = [];
      const byCursor: string[][] = [];
      let after = "";
      // One part a page, so every boundary is crossed: tracked → untracked, untracked → untracked.
      for (const page of [1, 2, 3, 4, 5, 6]) {
        const numbered = await api.get(`/api/inventory?sort=${sort}&pageSize=1&page=${page}`);
        byNumber.push(PartListSchema.parse(numbered.body).items.map((p) => p.description));
        const next = await api.get(
          `/api/inventory?sort=${sort}&pageSize=1&page=${page}${after && `&after=${after}`}`,
        );
        const body = PartListSchema.parse(next.body);
        byCursor.push(body.items.map((p) => p.description));
        expect({ sort, total: body.total, exact: body.totalExact }).toEqual({
          sort,
          total: 6,
          exact: true,
        });
        after = body.items.at(-1)?.id ?? "";
      }
      expect({ sort, pages: byCursor }).toEqual({ sort, pages: byNumber });
    }
  });

  it("falls back to the page number when the part Next named has since been deleted", async () => {
    await insertPart(t.deps.db, "gone-shop", { description: "A" });
    const b = await insertPart(t.deps.db, "gone-shop", { description: "B" });
    await insertPart(t.deps.db, "gone-shop", { description: "C" });
    await t.deps.db.delete(parts).where(eq(parts.id, b.id));
    const res = await (
      await as(t, "gone-shop")
    )
      .get(`/api/inventory?pageSize=1&page=2&after=${b.id}`)
      .expect(200);
    expect(PartListSchema.parse(res.body).items.map((p) => p.description)).toEqual(["C"]);
  });

  it("rejects bad query parameters with 400 and their paths", async () => {
    const res = await (
      await as(t, SHOP)
    )
      .get("/api/inventory?kind=gadget&linked=yes&sort=vendor&pageSize=500&page=0&after=x")
      .expect(400);
    const paths = (res.body.error.details as { path: string }[]).map((d) => d.path).sort();
    expect(paths).toEqual([
      "query.after",
      "query.kind",
      "query.linked",
      "query.page",
      "query.pageSize",
      "query.sort",
    ]);
  });
});

describe.each(testBackends())("the total of a large inventory on %s", (backend) => {
  let t: TestApp;
  let total: (query: string) => Promise<{ total: number; exact: boolean; shown: number }>;

  beforeAll(async () => {
    t = await createTestApp(backend);
    await ensureShop(t.deps.db, "big-shop");
    // 1,000 filters and 50 belts: the whole shop is past the exact count, each kind is not.
    const rows = Array.from({ length: 1_050 }, (_, i) => ({
      shopId: "big-shop",
      kind: "inventory" as const,
      description: `${i < 1_000 ? "Filter" : "Belt"} ${String(i).padStart(4, "0")}`,
    }));
    await t.deps.db.insert(parts).values(rows);
    const api = await as(t, "big-shop");
    total = async (query) => {
      const body = PartListSchema.parse(
        (await api.get(`/api/inventory?${query}`).expect(200)).body,
      );
      return { total: body.total, exact: body.totalExact, shown: body.items.length };
    };
  });
  afterAll(() => t.close());

  it("says 'more than 1,000' past a thousand parts and counts exactly up to it", async () => {
    expect(await total("")).toEqual({ total: 1_000, exact: false, shown: 50 });
    expect(await total("kind=inventory")).toEqual({ total: 1_000, exact: false, shown: 50 });
    expect(await total("kind=non_inventory")).toEqual({ total: 0, exact: true, shown: 0 });
  });

  it("says 'more than 200' for a search past two hundred matches and counts exactly up to it", async () => {
    expect(await total("search=filter")).toEqual({ total: 200, exact: false, shown: 50 });
    expect(await total("search=filter%2001")).toEqual({ total: 100, exact: true, shown: 50 });
    expect(await total("search=belt")).toEqual({ total: 50, exact: true, shown: 50 });
    expect(await total("search=belt%20104")).toEqual({ total: 10, exact: true, shown: 10 });
  });

  it("knows the exact total on the last page, and more than what was shown before it", async () => {
    expect(await total("page=21")).toEqual({ total: 1_050, exact: true, shown: 50 });
    expect(await total("page=20")).toEqual({ total: 1_000, exact: false, shown: 50 });
    expect(await total("pageSize=200&page=5")).toEqual({ total: 1_000, exact: false, shown: 200 });
    expect(await total("pageSize=200&page=6")).toEqual({ total: 1_050, exact: true, shown: 50 });
    expect(await total("search=filter&page=3")).toEqual({ total: 200, exact: false, shown: 50 });
    expect(await total("search=filter&page=4")).toEqual({ total: 200, exact: false, shown: 50 });
    expect(await total("search=filter&page=20")).toEqual({ total: 1_000, exact: true, shown: 50 });
  });
});
