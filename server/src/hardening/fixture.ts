import type { Role } from "@app/shared";
import { sql } from "drizzle-orm";
import request from "supertest";
import { linkRealmForTests } from "../testing/link-realm.js";
import { rowsOf } from "../db/client.js";
import {
  customers,
  importJobs,
  parts,
  quickBooksExports,
  syncNotices,
} from "../db/schema/index.js";
import type { TestApp } from "../testing/test-app.js";
import type { Fixture, RouteSpec } from "./routes.js";
import { fillPath } from "./routes.js";

/**
 * One of every record a shop owns that a route can name by id, made the way the app makes
 * them where that is cheap (parts and orders through the API) and written directly otherwise
 * (an import run, an export run, a sync notice), with a marker in every text so a leak of
 * this shop's data into another shop's answer is easy to spot.
 */
export async function seedShop(t: TestApp, shop: string, marker: string): Promise<Fixture> {
  const auth = `Bearer ${await t.token(shop, "owner")}`;
  await request(t.app).get("/api/me").set("authorization", auth).expect(200); // creates the shop
  const db = t.deps.db;
  const [part] = await db
    .insert(parts)
    .values({
      shopId: shop,
      kind: "inventory",
      description: `${marker} brake pad`,
      partNumber: `${marker}-BP`,
      retailCost: "40",
      quantityAvailable: "7",
      quickBooksItemRef: "1",
      quickBooksRealmId: await linkRealmForTests(db, shop),
    })
    .returning();
  const [customer] = await db
    .insert(customers)
    .values({ shopId: shop, firstName: marker, lastName: "Customer", email: `${marker}@x.test` })
    .returning();
  if (!part || !customer) throw new Error("seed failed");
  const order = await request(t.app)
    .post("/api/orders")
    .set("authorization", auth)
    .send({
      customerId: customer.id,
      lines: [{ kind: "labor", description: `${marker} labor`, quantity: "1", unitPrice: "10" }],
    });
  if (order.status !== 201)
    throw new Error(`order → ${order.status} ${JSON.stringify(order.body)}`);
  const [job] = await db
    .insert(importJobs)
    .values({
      shopId: shop,
      category: "inventory",
      status: "succeeded",
      total: 0,
      requestedBy: `${marker} owner`,
      requestedById: `${shop}-owner`,
    })
    .returning();
  const [exp] = await db
    .insert(quickBooksExports)
    .values({
      shopId: shop,
      status: "failed",
      total: 0,
      batches: 0,
      errorMessage: `${marker} failed`,
      requestedBy: `${marker} owner`,
      requestedById: `${shop}-owner`,
    })
    .returning();
  const [notice] = await db
    .insert(syncNotices)
    .values({ shopId: shop, partId: part.id, itemRef: "1", kind: "inactive", status: "open" })
    .returning();
  if (!job || !exp || !notice) throw new Error("seed failed");
  return {
    part: part.id,
    customer: customer.id,
    order: (order.body as { id: string }).id,
    import: job.id,
    export: exp.id,
    notice: notice.id,
  };
}

/** Every row of every table that carries this shop's id, as text (to prove nothing changed). */
export async function shopSnapshot(t: TestApp, shop: string): Promise<string> {
  const tables = await shopTables(t);
  const columns = tables.map(
    (name) => sql`(select coalesce(jsonb_agg(to_jsonb(x) order by to_jsonb(x)::text), '[]'::jsonb)
      from ${sql.identifier(name)} x where shop_id = ${shop}) as ${sql.identifier(name)}`,
  );
  const [row] = rowsOf<Record<string, unknown>>(
    await t.deps.db.execute(sql`select ${sql.join(columns, sql`, `)}`),
  );
  return JSON.stringify(row, null, 1);
}

const tableCache = new WeakMap<TestApp, Promise<string[]>>();
function shopTables(t: TestApp): Promise<string[]> {
  let tables = tableCache.get(t);
  if (!tables) {
    tables = t.deps.db
      .execute(
        sql`select table_name from information_schema.columns
          where table_schema = 'public' and column_name = 'shop_id' order by table_name`,
      )
      .then((r) => rowsOf<{ table_name: string }>(r).map((x) => x.table_name));
    tableCache.set(t, tables);
  }
  return tables;
}

/** Row counts of every table in the app's schema (to prove a refused request wrote nothing). */
export async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  // QuickBooks calls made earlier are counted in memory and written in batches on a timer:
  // write them now, so that a batch landing during the request is not taken for its write.
  await t.deps.calls.flush();
  const tables = rowsOf<{ table_name: string }>(
    await t.deps.db.execute(sql`select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'
        and table_name not in ('qbo_call_slots') order by table_name`),
  ).map((r) => r.table_name);
  const parts = tables.map(
    (name) => sql`select ${name} as t, count(*)::int as n from ${sql.identifier(name)}`,
  );
  const rows = rowsOf<{ t: string; n: number }>(
    await t.deps.db.execute(sql.join(parts, sql` union all `)),
  );
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

/** Calls a route from the table as `shop`/`role`, with its body filled from `ids`. */
export async function call(
  t: TestApp,
  spec: RouteSpec,
  ids: Fixture,
  auth: { shop: string; role: Role } | undefined,
  bodyIds: Fixture = ids,
): Promise<request.Response> {
  const agent = request(t.app);
  let req = agent[spec.method](fillPath(spec, ids));
  if (auth) req = req.set("authorization", `Bearer ${await t.token(auth.shop, auth.role)}`);
  if (spec.body) req = req.send(spec.body(bodyIds));
  return req;
}
