import { type Customer, CustomerListSchema, CustomerSchema } from "@app/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { customers } from "../../db/schema/index.js";
import { linkRealmForTests } from "../../testing/link-realm.js";
import { type TestApp, createTestApp } from "../../testing/test-app.js";
import { testBackends } from "../../testing/test-database.js";
import { as, ensureShop } from "../inventory/inventory.testing.js";

async function insertCustomer(
  db: Db,
  shopId: string,
  values: Partial<typeof customers.$inferInsert>,
) {
  await ensureShop(db, shopId);
  const realm = values.quickBooksCustomerRef
    ? { quickBooksRealmId: await linkRealmForTests(db, shopId) }
    : {};
  const [row] = await db
    .insert(customers)
    .values({ shopId, ...realm, ...values })
    .returning();
  if (!row) throw new Error("no row");
  return row;
}

describe.each(testBackends())("the customers API on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
    const db = t.deps.db;
    await insertCustomer(db, "shop-a", {
      firstName: "Maria",
      lastName: "Gonzalez",
      email: "maria@example.com",
      quickBooksCustomerRef: "1",
    });
    await insertCustomer(db, "shop-a", {
      companyName: "Coastal Delivery Co.",
      phone: "(541) 555-0175",
    });
    await insertCustomer(db, "shop-a", {
      firstName: "Tom",
      lastName: "Becker",
      phone: "(541) 555-0107",
    });
    await insertCustomer(db, "shop-b", { firstName: "Maria", lastName: "Other" });
  });
  afterAll(() => t.close());

  const names = (items: Customer[]) =>
    items.map((c) => c.companyName || `${c.firstName} ${c.lastName}`);

  it("reads every field the customer import writes, exactly", async () => {
    const row = await insertCustomer(t.deps.db, "shop-c", {
      firstName: "François",
      lastName: "Lefèvre",
      companyName: "",
      email: "f@example.com",
      phone: "(541) 555-0166",
      address1: "12 Rue Market St",
      address2: "Suite 2",
      city: "Eugene",
      state: "OR",
      postalCode: "97401",
      country: "US",
      note: "Prefers French",
      quickBooksCustomerRef: "8",
    });
    const res = await (await as(t, "shop-c")).get(`/api/customers/${row.id}`).expect(200);
    const { shopId: _s, createdAt: _c, quickBooksRealmId: _r, updatedAt, ...fields } = row;
    expect(CustomerSchema.parse(res.body)).toEqual({
      ...fields,
      updatedAt: updatedAt.toISOString(),
    });
  });

  it("lists the shop's customers by name (company when no person), searchable and filterable", async () => {
    const api = await as(t, "shop-a");
    const all = CustomerListSchema.parse((await api.get("/api/customers").expect(200)).body);
    expect({ names: names(all.items), total: all.total }).toEqual({
      names: ["Tom Becker", "Coastal Delivery Co.", "Maria Gonzalez"],
      total: 3,
    });
    const search = async (q: string) =>
      names((await api.get(`/api/customers?${q}`).expect(200)).body.items);
    expect(await search("search=maria%20gon")).toEqual(["Maria Gonzalez"]);
    expect(await search("search=555-0175")).toEqual(["Coastal Delivery Co."]);
    expect(await search("search=EXAMPLE.COM")).toEqual(["Maria Gonzalez"]);
    expect(await search("linked=true")).toEqual(["Maria Gonzalez"]);
    expect(await search("linked=false&pageSize=1&page=2")).toEqual(["Coastal Delivery Co."]);
    const past = (await api.get("/api/customers?page=9").expect(200)).body;
    expect(past).toMatchObject({ items: [], total: 3, page: 9 });
  });

  it("answers another shop's customer and a malformed id with 404", async () => {
    const mine = await insertCustomer(t.deps.db, "shop-d", { firstName: "Only", lastName: "Mine" });
    const other = await as(t, "shop-e", "technician");
    for (const id of [mine.id, "nope"]) {
      const res = await other.get(`/api/customers/${id}`).expect(404);
      expect(res.body.error.code).toBe("not_found");
    }
  });
});
