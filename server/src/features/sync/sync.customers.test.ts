import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers } from "../../db/schema/index.js";
import { admin } from "../../testing/sandbox.js";
import { connectShop } from "../../testing/connect.js";
import { testBackends } from "../../testing/test-database.js";
import { runImportToEnd } from "../imports/imports.testing.js";
import {
  type SyncHarness,
  VERIFIER,
  drained,
  postWebhook,
  startSyncHarness,
  waitFor,
} from "../../testing/sync-harness.js";

/** Customers linked by an import follow QuickBooks: name, email, phone, address, country. */
describe.each(testBackends())("customers following QuickBooks on %s", (backend) => {
  let h: SyncHarness;
  const shop = "shop-customers-follow";
  let realmId = "";

  const ours = async (ref: string) => {
    const [row] = await h.t.deps.db
      .select()
      .from(customers)
      .where(and(eq(customers.shopId, shop), eq(customers.quickBooksCustomerRef, ref)));
    return row;
  };
  const changeCustomer = async (id: string, fields: Record<string, unknown>) => {
    const read = await h.t.deps.qbo.client.call<{ Customer: { SyncToken: string } }>(shop, {
      method: "GET",
      path: `customer/${id}`,
    });
    await h.t.deps.qbo.client.call(shop, {
      method: "POST",
      path: "customer",
      body: { Id: id, SyncToken: read.Customer.SyncToken, sparse: true, ...fields },
    });
  };

  beforeAll(async () => {
    h = await startSyncHarness(backend);
    ({ realmId } = await admin<{ realmId: string }>(h.sandbox, "POST", "/companies", {
      name: "Customers Follow",
    }));
    await connectShop(h.t, shop, realmId);
    const job = await runImportToEnd(h.t, shop, "customers");
    expect(job.status).toBe("succeeded");
  }, 90_000);
  afterAll(async () => h.close());

  it("imports QuickBooks' 3-letter country as the shop's 2-letter code", async () => {
    const id = [...h.sandbox.state.companies.get(realmId)!.tables.Customer.keys()][0]!;
    expect(h.sandbox.state.companies.get(realmId)!.get("Customer", id)!.e.BillAddr).toMatchObject({
      Country: "USA",
    });
    expect((await ours(id))?.country).toBe("US");
  });

  it("follows a change made in QuickBooks, announced by its webhook, once", async () => {
    const id = [...h.sandbox.state.companies.get(realmId)!.tables.Customer.keys()][1]!;
    await changeCustomer(id, {
      PrimaryEmailAddr: { Address: "new.address@example.com" },
      PrimaryPhone: { FreeFormNumber: "(541) 555-0199" },
      BillAddr: {
        Line1: "9 New Street",
        City: "Bend",
        CountrySubDivisionCode: "OR",
        PostalCode: "97701",
        Country: "USA",
      },
    });
    await waitFor(
      "the customer webhook",
      async () => (await ours(id))?.email === "new.address@example.com",
    );
    expect(await ours(id)).toMatchObject({
      phone: "(541) 555-0199",
      address1: "9 New Street",
      city: "Bend",
      postalCode: "97701",
      country: "US",
    });
    // The same event again, late: nothing changes, nothing goes back.
    const before = await ours(id);
    const event = JSON.stringify({
      eventNotifications: [
        {
          realmId,
          // Named twice in one batch (created, then updated): one piece of work, no error.
          dataChangeEvent: {
            entities: [
              { name: "Customer", id, operation: "Create", lastUpdated: "late" },
              { name: "Customer", id, operation: "Update", lastUpdated: "late" },
            ],
          },
        },
      ],
    });
    expect((await postWebhook(h, event)).status).toBe(200);
    await drained(h);
    expect(await ours(id)).toEqual(before);
  });

  it("catches up on a change whose webhook never came", async () => {
    const id = [...h.sandbox.state.companies.get(realmId)!.tables.Customer.keys()][2]!;
    await admin(h.sandbox, "PUT", "/webhook", { url: null });
    try {
      await changeCustomer(id, { GivenName: "Renamed", FamilyName: "Quietly" });
    } finally {
      await admin(h.sandbox, "PUT", "/webhook", { url: h.webhookUrl, verifierToken: VERIFIER });
    }
    await h.sync.catchUp(shop);
    await waitFor("the catch-up", async () => (await ours(id))?.firstName === "Renamed");
    expect(await ours(id)).toMatchObject({ firstName: "Renamed", lastName: "Quietly" });
  });
});
