import type { Role } from "@app/shared";
import request from "supertest";
import type { Db } from "../../db/client.js";
import { parts, shops, vendors } from "../../db/schema/index.js";
import { linkRealmForTests } from "../../testing/link-realm.js";
import type { TestApp } from "../../testing/test-app.js";

/** A supertest agent bound to one shop and role, as the SPA would call the BFF. */
export async function as(t: TestApp, shop: string, role: Role = "owner") {
  const auth = `Bearer ${await t.token(shop, role)}`;
  return {
    get: (url: string) => request(t.app).get(url).set("authorization", auth),
    post: (url: string, body?: object) =>
      request(t.app).post(url).set("authorization", auth).send(body),
    patch: (url: string, body: object) =>
      request(t.app).patch(url).set("authorization", auth).send(body),
  };
}

export async function ensureShop(db: Db, id: string) {
  await db.insert(shops).values({ id, name: id }).onConflictDoNothing();
}

type PartValues = Partial<typeof parts.$inferInsert>;

/** Writes a part straight into the table, the way the import engine does (not via the API). */
export async function insertPart(db: Db, shopId: string, values: PartValues = {}) {
  await ensureShop(db, shopId);
  const realm =
    values.quickBooksItemRef && values.quickBooksRealmId === undefined
      ? { quickBooksRealmId: await linkRealmForTests(db, shopId) }
      : {};
  const [row] = await db
    .insert(parts)
    .values({
      shopId,
      kind: "inventory",
      description: "Part",
      quantityAvailable: "1",
      ...realm,
      ...values,
    })
    .returning();
  if (!row) throw new Error("no row");
  return row;
}

export async function insertVendor(db: Db, shopId: string, name: string, ref?: string) {
  await ensureShop(db, shopId);
  const [row] = await db
    .insert(vendors)
    .values({
      shopId,
      name,
      quickBooksVendorRef: ref ?? null,
      quickBooksRealmId: ref ? await linkRealmForTests(db, shopId) : null,
    })
    .returning();
  if (!row) throw new Error("no row");
  return row;
}
