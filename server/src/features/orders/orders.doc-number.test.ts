import { eq } from "drizzle-orm";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders } from "../../db/schema/index.js";
import { testBackends } from "../../testing/test-database.js";
import {
  ITEMS,
  type OrdersHarness,
  createOrder,
  getOrder,
  invoicesNumbered,
  partQuantity,
  preparedShop,
  qtyOnHand,
  settled,
  startOrdersHarness,
} from "../../testing/orders-harness.js";
import { nextDocNumber } from "./quickbooks/doc-number.js";

/**
 * Issue 17.1: a bookkeeper (or another location sharing the company) already has invoice
 * #1001 in QuickBooks. Our order #1001 must still reach QuickBooks once, under a number that
 * says it is ours, and both sides' stock must move once.
 */
describe.each(testBackends())("an invoice number QuickBooks already has, on %s", (backend) => {
  let h: OrdersHarness;
  beforeAll(async () => {
    h = await startOrdersHarness(backend);
  });
  afterAll(() => h.close());

  /** The bookkeeper's own invoice, typed in QuickBooks. */
  async function bookkeeperInvoice(shop: string, doc: string) {
    await h.t.deps.qbo.client.call(shop, {
      method: "POST",
      path: "invoice",
      body: {
        DocNumber: doc,
        CustomerRef: { value: "1" },
        Line: [
          {
            Amount: 50,
            DetailType: "SalesItemLineDetail",
            SalesItemLineDetail: { ItemRef: { value: ITEMS.labor }, Qty: 1, UnitPrice: 50 },
          },
        ],
      },
    });
  }

  /** Order #1001 of two linked oil filters, invoiced (Shopmonkey's stock goes down now). */
  async function invoice(shop: string, s: Awaited<ReturnType<typeof preparedShop>>) {
    const order = await createOrder(h, shop, {
      customerId: s.customer.id,
      lines: [{ kind: "part", partId: s.linked.id, quantity: "2" }],
    });
    expect(order.number).toBe(1001);
    await request(h.t.app)
      .post(`/api/orders/${order.id}/invoice`)
      .set("authorization", s.auth)
      .expect(200);
    return order;
  }

  async function expectOneInvoiceAndStockMovedOnce(shop: string, s: { linked: { id: string } }) {
    const client = h.t.deps.qbo.client;
    expect(await qtyOnHand(client, shop, ITEMS.oilFilter)).toBe(46);
    expect(await partQuantity(h, shop, s.linked.id)).toBe("46");
    // The bookkeeper's #1001 is untouched, and there is no second #1001.
    expect(await invoicesNumbered(client, shop, "1001")).toHaveLength(1);
  }

  it("a new send avoids the collision: sent at once as SM-1001", async () => {
    const s = await preparedShop(h, "dn-new", { autoSend: true });
    await bookkeeperInvoice("dn-new", "1001");
    const sent = await settled(h, "dn-new", (await invoice("dn-new", s)).id);
    expect(sent.quickBooks).toMatchObject({ status: "sent", docNumber: "SM-1001" });
    expect(sent.quickBooks.error).toBeUndefined();
    expect(await invoicesNumbered(h.t.deps.qbo.client, "dn-new", "SM-1001")).toHaveLength(1);
    await expectOneInvoiceAndStockMovedOnce("dn-new", s);
  });

  it("when SM-1001 is taken too, the next number is SM-1001-2", async () => {
    const s = await preparedShop(h, "dn-two", { autoSend: true });
    await bookkeeperInvoice("dn-two", "1001");
    await bookkeeperInvoice("dn-two", "SM-1001");
    const sent = await settled(h, "dn-two", (await invoice("dn-two", s)).id);
    expect(sent.quickBooks).toMatchObject({ status: "sent", docNumber: "SM-1001-2" });
    await expectOneInvoiceAndStockMovedOnce("dn-two", s);
  });
  it("an order that failed with 6140 before this rule reaches QuickBooks through its usual Retry", async () => {
    const s0 = await preparedShop(h, "dn-old", { autoSend: false });
    await bookkeeperInvoice("dn-old", "1001");
    const s = { ...s0, order: await invoice("dn-old", s0) };
    // As the send used to leave it: refused by Intuit, nothing written there.
    await h.t.deps.db
      .update(orders)
      .set({
        qboStatus: "failed",
        qboErrorCode: "quickbooks_6140",
        qboError:
          "QuickBooks refused the invoice: Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=1001",
      })
      .where(eq(orders.id, s.order.id));
    const failed = await getOrder(h, "dn-old", s.order.id);
    expect(failed.quickBooks).toMatchObject({ status: "failed", nextDocNumber: "SM-1001" });
    // Intuit's words travel as a parameter of a reason the web says in the reader's language.
    expect(failed.quickBooks.error).toMatchObject({
      reason: "quickbooks_refused_invoice",
      params: { detail: expect.stringMatching(/^Duplicate Document Number Error/) },
    });
    expect(failed.quickBooks.docNumber).toBeUndefined();
    expect(await qtyOnHand(h.t.deps.qbo.client, "dn-old", ITEMS.oilFilter)).toBe(48);

    await request(h.t.app)
      .post(`/api/orders/${s.order.id}/quickbooks`)
      .set("authorization", s.auth)
      .expect(200);
    const sent = await settled(h, "dn-old", s.order.id);
    expect(sent.quickBooks).toMatchObject({ status: "sent", docNumber: "SM-1001" });
    expect(sent.quickBooks.nextDocNumber).toBeUndefined();
    await expectOneInvoiceAndStockMovedOnce("dn-old", s);
  });

  it("numbers in order: 1001, SM-1001, SM-1001-2, SM-1001-3", () => {
    expect(nextDocNumber(1001, "1001")).toBe("SM-1001");
    expect(nextDocNumber(1001, "SM-1001")).toBe("SM-1001-2");
    expect(nextDocNumber(1001, "SM-1001-2")).toBe("SM-1001-3");
  });
});
