import { type Part, PartSchema, StockMovementListSchema } from "@app/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parts } from "../../db/schema/index.js";
import { type TestApp, createTestApp } from "../../testing/test-app.js";
import { testBackends } from "../../testing/test-database.js";
import { as, insertPart, insertVendor } from "./inventory.testing.js";

describe.each(testBackends())("the inventory API on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(() => t.close());

  it("reads a part written by the import exactly as stored: ref, vendor, fractional quantity", async () => {
    const vendor = await insertVendor(t.deps.db, "shop-a", "O'Reilly Pro Supply", "53");
    const row = await insertPart(t.deps.db, "shop-a", {
      description: "Motor Oil 5W-30 Synthetic (quart)",
      note: "Full synthetic 5W-30, sold by the quart from bulk",
      partNumber: "OIL-5W30-QT",
      vendorId: vendor.id,
      cost: "4.10",
      retailCost: "9.49",
      quantityAvailable: "37.5",
      criticalQuantity: "20",
      quickBooksItemRef: "21",
    });
    const res = await (await as(t, "shop-a")).get(`/api/inventory/${row.id}`).expect(200);
    expect(PartSchema.parse(res.body)).toEqual({
      id: row.id,
      kind: "inventory",
      description: "Motor Oil 5W-30 Synthetic (quart)",
      note: "Full synthetic 5W-30, sold by the quart from bulk",
      partNumber: "OIL-5W30-QT",
      vendor: { id: vendor.id, name: "O'Reilly Pro Supply" },
      cost: "4.10",
      retailCost: "9.49",
      quantityAvailable: "37.5",
      criticalQuantity: "20",
      quickBooksItemRef: "21",
      updatedAt: row.updatedAt.toISOString(),
    } satisfies Part);
  });

  it("creates a part, finding or creating its vendor by name, with an opening movement", async () => {
    const api = await as(t, "shop-b", "manager");
    const body = {
      kind: "inventory",
      description: "Cabin filter",
      partNumber: "CF-1",
      vendorName: "WorldPac",
      cost: "7.10",
      quantityAvailable: "4.25",
    };
    const first = await api.post("/api/inventory", body).expect(201);
    const second = await api
      .post("/api/inventory", { ...body, vendorName: " worldpac " })
      .expect(201);
    expect(first.body).toMatchObject({
      cost: "7.10",
      retailCost: "0",
      quantityAvailable: "4.25",
      quickBooksItemRef: null,
    });
    expect(second.body.vendor).toEqual(first.body.vendor);
    const moves = await api.get(`/api/inventory/${first.body.id}/movements`).expect(200);
    expect(StockMovementListSchema.parse(moves.body).items).toMatchObject([
      { delta: "4.25", quantityAfter: "4.25", reason: "manual", reference: "manager of shop-b" },
    ]);
  });

  it("records a manual movement when a quantity changes, computed on exact decimals", async () => {
    const row = await insertPart(t.deps.db, "shop-c", { quantityAvailable: "37.5" });
    const api = await as(t, "shop-c");
    await api.patch(`/api/inventory/${row.id}`, { quantityAvailable: "36.25" }).expect(200);
    await api.patch(`/api/inventory/${row.id}`, { quantityAvailable: "36.250" }).expect(200); // same
    const patched = await api.patch(`/api/inventory/${row.id}`, { cost: "1.5" }).expect(200);
    expect(patched.body).toMatchObject({
      cost: "1.5",
      quantityAvailable: "36.250",
      description: "Part",
    });
    const moves = await api.get(`/api/inventory/${row.id}/movements`).expect(200);
    expect(moves.body.items).toMatchObject([
      { delta: "-1.25", quantityAfter: "36.25", reason: "manual" },
    ]);
  });

  it("drops quantities when a part becomes non-inventory, and starts at zero when it tracks again", async () => {
    const row = await insertPart(t.deps.db, "shop-c", {
      quantityAvailable: "3",
      criticalQuantity: "1",
    });
    const api = await as(t, "shop-c");
    const off = await api.patch(`/api/inventory/${row.id}`, { kind: "non_inventory" }).expect(200);
    expect(off.body).toMatchObject({ quantityAvailable: null, criticalQuantity: null });
    const on = await api.patch(`/api/inventory/${row.id}`, { kind: "inventory" }).expect(200);
    expect(on.body).toMatchObject({ quantityAvailable: "0", criticalQuantity: null });
  });

  it("never lets quickBooksItemRef be written through the API", async () => {
    const row = await insertPart(t.deps.db, "shop-c", { quickBooksItemRef: "7" });
    const api = await as(t, "shop-c");
    const res = await api.patch(`/api/inventory/${row.id}`, { quickBooksItemRef: "8" }).expect(400);
    expect(res.body.error.code).toBe("validation_failed");
    await api
      .post("/api/inventory", { kind: "inventory", description: "x", quickBooksItemRef: "9" })
      .expect(400);
  });

  it("answers another shop's part, a missing one and a malformed id alike: 404, row untouched", async () => {
    const row = await insertPart(t.deps.db, "shop-d", { description: "Mine", cost: "5" });
    const other = await as(t, "shop-e");
    for (const id of [row.id, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      for (const res of [
        await other.get(`/api/inventory/${id}`),
        await other.patch(`/api/inventory/${id}`, { description: "Stolen", cost: "0" }),
        await other.get(`/api/inventory/${id}/movements`),
        await other.post(`/api/inventory/${id}/unlink`),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe("not_found");
      }
    }
    const [after] = await t.deps.db.select().from(parts).where(eq(parts.id, row.id));
    expect(after).toEqual(row);
  });

  it("lets technicians read but not create or edit (403)", async () => {
    const row = await insertPart(t.deps.db, "shop-f");
    const tech = await as(t, "shop-f", "technician");
    await tech.get(`/api/inventory/${row.id}`).expect(200);
    const created = await tech
      .post("/api/inventory", { kind: "inventory", description: "x" })
      .expect(403);
    expect(created.body.error.code).toBe("forbidden");
    await tech.patch(`/api/inventory/${row.id}`, { description: "x" }).expect(403);
  });

  it("lets only owners and admins unlink a part from QuickBooks", async () => {
    const row = await insertPart(t.deps.db, "shop-g", { quickBooksItemRef: "123" });
    for (const role of ["manager", "technician"] as const) {
      await (await as(t, "shop-g", role)).post(`/api/inventory/${row.id}/unlink`).expect(403);
    }
    const res = await (
      await as(t, "shop-g", "admin")
    )
      .post(`/api/inventory/${row.id}/unlink`)
      .expect(200);
    expect(res.body.quickBooksItemRef).toBeNull();
  });

  it("rejects invalid input with 400 and the field paths", async () => {
    const api = await as(t, "shop-h");
    const res = await api
      .post("/api/inventory", {
        kind: "gadget",
        description: "",
        cost: "12.3.4",
        retailCost: 5,
        criticalQuantity: "-1",
      })
      .expect(400);
    expect(res.body.error.code).toBe("validation_failed");
    const paths = (res.body.error.details as { path: string }[]).map((d) => d.path).sort();
    expect(paths).toEqual([
      "body.cost",
      "body.criticalQuantity",
      "body.description",
      "body.kind",
      "body.retailCost",
    ]);
  });
});
