import { StockMovementListSchema } from "@app/shared";
import { and, eq } from "drizzle-orm";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parts } from "../../db/schema/index.js";
import { testBackends } from "../../testing/test-database.js";
import { runImportToEnd, startWorker } from "../imports/imports.testing.js";
import {
  ITEMS,
  type OrdersHarness,
  createOrder,
  preparedShop,
  settled,
  startOrdersHarness,
} from "../../testing/orders-harness.js";
import type { MovementRow } from "./inventory.mapper.js";
import { readableReference } from "./movement-references.js";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/i;

/** Issue 17.9: the stock history names orders and imports, never `order:<uuid>`. */
describe.each(testBackends())("a part's stock history as a person reads it, on %s", (backend) => {
  let h: OrdersHarness;
  let stopImports: () => Promise<void>;
  beforeAll(async () => {
    h = await startOrdersHarness(backend);
    stopImports = (await startWorker(h.t)).stop;
  });
  afterAll(async () => {
    await stopImports();
    await h.close();
  });

  it("an import, an order and a manual edit: readable, the order a link of its own", async () => {
    const s = await preparedShop(h, "mv-a");
    const job = await runImportToEnd(h.t, "mv-a", "inventory");
    expect(job.status).toBe("succeeded");
    const [wiper] = await h.t.deps.db
      .select()
      .from(parts)
      .where(and(eq(parts.shopId, "mv-a"), eq(parts.quickBooksItemRef, ITEMS.wiper)));
    if (!wiper) throw new Error("the import did not create the wiper blades");
    const order = await createOrder(h, "mv-a", {
      customerId: s.customer.id,
      lines: [{ kind: "part", partId: wiper.id, quantity: "1" }],
    });
    await request(h.t.app)
      .post(`/api/orders/${order.id}/invoice`)
      .set("authorization", s.auth)
      .expect(200);
    await settled(h, "mv-a", order.id);
    await request(h.t.app)
      .patch(`/api/inventory/${wiper.id}`)
      .set("authorization", s.auth)
      .send({ quantityAvailable: "100" })
      .expect(200);

    const res = await request(h.t.app)
      .get(`/api/inventory/${wiper.id}/movements`)
      .set("authorization", s.auth)
      .expect(200);
    const items = StockMovementListSchema.parse(res.body).items;
    expect(items.map((m) => m.reason)).toEqual(["manual", "invoice", "import"]);
    const [manual, sold, imported] = items;
    expect(manual).toMatchObject({
      reference: "owner of mv-a",
      source: { type: "person", name: "owner of mv-a" },
      link: null,
    });
    expect(sold).toMatchObject({
      reference: `Order #${order.number}`,
      source: { type: "order", number: order.number },
      link: { type: "order", id: order.id },
    });
    expect(imported?.reference).toMatch(
      /^Inventory import, [A-Z][a-z]{2} \d{1,2}, \d{1,2}:\d{2}:\d{2} [AP]M UTC$/,
    );
    expect(imported?.source).toMatchObject({ type: "import", category: "inventory" });
    for (const m of items) expect(m.reference ?? "").not.toMatch(UUID);
  });

  it("an order it cannot find and a QuickBooks change still read as words", async () => {
    const row = {
      id: "m1",
      shopId: "x",
      partId: "p",
      delta: "-1",
      quantityAfter: "1",
      reason: "invoice",
      reference: "order:3f1c2a9e-8d4b-4f6a-9c1e-2b7d5a0e4c11",
      createdAt: new Date(),
    } satisfies MovementRow;
    expect(readableReference(row, { orders: new Map(), imports: new Map() })).toEqual({
      reference: "An order",
      source: null,
      link: null,
    });
    const synced = { ...row, reason: "quickbooks", reference: "quickbooks:item:3:1" } as const;
    expect(readableReference(synced, { orders: new Map(), imports: new Map() })).toMatchObject({
      reference: "Changed in QuickBooks",
      source: { type: "quickbooks", via: "sync" },
    });
  });
});
