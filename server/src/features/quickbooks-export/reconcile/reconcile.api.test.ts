import { ReconciliationProposalSchema, type ReconciliationRun } from "@app/shared";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSandbox, admin, startTestSandbox, stats } from "../../../testing/sandbox.js";
import { type TestApp, createTestApp } from "../../../testing/test-app.js";
import { testBackends } from "../../../testing/test-database.js";
import { startWorker, waitForJob } from "../../imports/imports.testing.js";
import {
  addItem,
  addPart,
  freshCompany,
  itemsIn,
  partsOf,
  waitForExport,
} from "../exports.testing.js";

describe.each(testBackends())("the reconciliation assistant on %s", (backend) => {
  let sandbox: RunningSandbox;
  let t: TestApp;
  let stopWorker: () => Promise<void>;
  const shop = "mix-shop";
  const ids: Record<string, string> = {};
  const auth = async (role: "owner" | "manager" = "owner") => `Bearer ${await t.token(shop, role)}`;
  const proposal = async () =>
    ReconciliationProposalSchema.parse(
      (
        await request(t.app)
          .get("/api/quickbooks/reconciliation")
          .set("authorization", await auth())
      ).body,
    );

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    t = await createTestApp(backend, { QBO_SANDBOX_URL: sandbox.url });
    ({ stop: stopWorker } = await startWorker(t));
    await freshCompany(t, sandbox, shop);
    // The prepared mix: QuickBooks side…
    ids.I1 = await addItem(t, shop, { Name: "Oil filter", Sku: "OF-1", QtyOnHand: 5 });
    ids.I2 = await addItem(t, shop, { Name: "Brake pad set", Sku: "BP-2", QtyOnHand: 3 });
    ids.I3 = await addItem(t, shop, { Name: "Wiper blade", QtyOnHand: 2 });
    ids.I4 = await addItem(t, shop, { Name: "Spark plug A", Sku: "SP" });
    ids.I5 = await addItem(t, shop, { Name: "Spark plug B", Sku: "SP" });
    ids.I6 = await addItem(t, shop, { Name: "Coolant", Sku: "CL" });
    ids.I7 = await addItem(t, shop, { Name: "Headlight bulb", Type: "NonInventory" });
    // …and Shopmonkey side.
    ids.P1 = (
      await addPart(t, shop, {
        description: "Oil filter (SM)",
        partNumber: "of-1",
        quantityAvailable: "4",
      })
    ).id;
    ids.P2 = (
      await addPart(t, shop, {
        description: "Brake pads",
        partNumber: "BP-2",
        quantityAvailable: "3",
      })
    ).id;
    ids.P3 = (await addPart(t, shop, { description: "wiper  Blade", quantityAvailable: "6" })).id;
    ids.P4 = (await addPart(t, shop, { description: "Spark plug", partNumber: "SP" })).id;
    ids.P5 = (await addPart(t, shop, { description: "Cabin filter", partNumber: "CF" })).id;
    const battery = await addPart(t, shop, { description: "Battery", partNumber: "BAT" });
    ids.P6 = battery.id;
    await request(t.app)
      .post(`/api/inventory/${battery.id}/quickbooks-item`)
      .set("authorization", await auth())
      .expect(201);
  });
  afterAll(async () => {
    await stopWorker();
    await t.close();
    await sandbox.close();
  });

  it("proposes exactly the expected pairs, ambiguous groups and one-sided records", async () => {
    const p = await proposal();
    expect(p.linked.map((x) => x.part.id)).toEqual([ids.P6]);
    const pairs = p.proposed
      .map((x) => [x.part.id, x.item.id, x.matchedBy, x.differences.sort().join(",")])
      .sort();
    expect(pairs).toEqual(
      [
        [ids.P1, ids.I1, "sku", "name,quantity"],
        [ids.P2, ids.I2, "sku", "name"],
        [ids.P3, ids.I3, "name", "quantity"],
      ].sort(),
    );
    expect(p.ambiguous).toHaveLength(1);
    expect(p.ambiguous[0]).toMatchObject({ by: "sku", key: "sp" });
    expect(p.ambiguous[0]!.parts.map((x) => x.id)).toEqual([ids.P4]);
    expect(p.ambiguous[0]!.items.map((x) => x.id).sort()).toEqual([ids.I4, ids.I5].sort());
    expect(p.onlyInQuickBooks.map((x) => x.id).sort()).toEqual([ids.I6, ids.I7].sort());
    expect(p.onlyInShopmonkey.map((x) => x.id)).toEqual([ids.P5]);
  });

  it("shares one computation between owners asking at once: one set of QuickBooks reads", async () => {
    const realm = (
      await request(t.app)
        .get("/api/quickbooks/connection")
        .set("authorization", await auth())
    ).body.realmId as string;
    const reads = async () => (await stats(sandbox, realm)).requests;
    const before = await reads();
    const alone = await proposal();
    const one = (await reads()) - before;
    // QuickBooks answers slowly, so six owners' requests all arrive while the first computes.
    await admin(sandbox, "POST", "/faults", { realmId: realm, latencyMs: 1500 });
    try {
      const start = await reads();
      const six = await Promise.all(Array.from({ length: 6 }, () => proposal()));
      expect((await reads()) - start).toBe(one);
      for (const answer of six) expect(answer).toEqual(alone);
    } finally {
      await admin(sandbox, "DELETE", "/faults");
    }
  });

  it("lets only owners and admins use it", async () => {
    const res = await request(t.app)
      .get("/api/quickbooks/reconciliation")
      .set("authorization", await auth("manager"));
    expect(res.status).toBe(403);
  });

  it("links confirmed pairs only, creates and imports the rest, and changes nothing when applied twice", async () => {
    const apply = async () => {
      const res = await request(t.app)
        .post("/api/quickbooks/reconciliation")
        .set("authorization", await auth())
        .send({
          // P2↔I2 is rejected (different parts); P4 stays ambiguous.
          pairs: [
            { partId: ids.P1, quickBooksId: ids.I1, quantityFrom: "quickbooks" },
            { partId: ids.P3, quickBooksId: ids.I3, quantityFrom: "shopmonkey" },
          ],
          importOnlyInQuickBooks: true,
          createOnlyInShopmonkey: true,
        });
      expect(res.status).toBe(201);
      const run = res.body as ReconciliationRun;
      if (run.exportId) await waitForExport(t, shop, run.exportId);
      await settleImports();
      return run;
    };
    const settleImports = async () => {
      const list = await request(t.app)
        .get("/api/quickbooks/imports")
        .set("authorization", await auth());
      for (const job of list.body.items as { id: string }[]) await waitForJob(t, shop, job.id);
    };

    const first = await apply();
    expect(first).toMatchObject({ linked: 2, alreadyLinked: 0, skipped: [], importsQueued: true });
    expect(first.exportId).toBeDefined();
    // Keeping Shopmonkey's count of P3 (6) sent QuickBooks an adjustment of +4: both hold 6.
    expect(first.quantityNotes).toEqual([]);
    const parts = await partsOf(t, shop);
    expect(parts.find((p) => p.id === ids.P3)?.quantityAvailable).toBe("6");
    const ref = (id: string) => parts.find((p) => p.id === id)?.quickBooksItemRef;
    expect(ref(ids.P1!)).toBe(ids.I1);
    expect(parts.find((p) => p.id === ids.P1)?.quantityAvailable).toBe("5");
    expect(ref(ids.P3!)).toBe(ids.I3);
    expect(ref(ids.P4!)).toBeNull(); // ambiguous: never guessed
    const items = await itemsIn(t, shop);
    expect(items.find((i) => i.Id === ids.I3)?.QtyOnHand).toBe(6);
    // P5 and the rejected P2 were created in QuickBooks and linked.
    expect(items.find((i) => i.Id === ref(ids.P5!))?.Name).toBe("Cabin filter");
    expect(items.find((i) => i.Id === ref(ids.P2!))?.Name).toBe("Brake pads");
    // QuickBooks-only items came in as parts.
    for (const id of [ids.I6, ids.I7, ids.I2])
      expect(parts.filter((p) => p.quickBooksItemRef === id)).toHaveLength(1);
    const before = { parts: parts.length, items: items.length };

    const second = await apply();
    expect(second).toMatchObject({ linked: 0, alreadyLinked: 2, skipped: [] });
    expect(second.exportId).toBeUndefined();
    expect((await partsOf(t, shop)).length).toBe(before.parts);
    expect((await itemsIn(t, shop)).length).toBe(before.items);
    const refs = (await partsOf(t, shop)).flatMap((p) =>
      p.quickBooksItemRef ? [p.quickBooksItemRef] : [],
    );
    expect(new Set(refs).size).toBe(refs.length);

    const history = await request(t.app)
      .get("/api/quickbooks/reconciliation/runs")
      .set("authorization", await auth());
    expect(history.body.items).toHaveLength(2);
  });

  it("skips a pair whose item is already linked to another part", async () => {
    const res = await request(t.app)
      .post("/api/quickbooks/reconciliation")
      .set("authorization", await auth())
      .send({
        pairs: [{ partId: ids.P4, quickBooksId: ids.I1 }],
        importOnlyInQuickBooks: false,
        createOnlyInShopmonkey: false,
      });
    expect(res.body.skipped).toEqual([
      {
        partId: ids.P4,
        reason: "The item is linked to another part",
        code: "item_linked_to_other_part",
      },
    ]);
  });

  it("keeps Shopmonkey's name and price where the owner chose them; the rest follows QuickBooks", async () => {
    const item = await addItem(t, shop, {
      Name: "Air filter - Premium",
      Sku: "AF-1",
      UnitPrice: 10,
      PurchaseCost: 4,
    });
    const part = await addPart(t, shop, {
      description: "Air filter",
      partNumber: "AF-1",
      retailCost: "12.5",
      cost: "5",
      quantityAvailable: "0",
    });
    const pair = (await proposal()).proposed.find((p) => p.part.id === part.id);
    expect(pair?.differences.sort()).toEqual(["cost", "name", "retailCost"]);
    const res = await request(t.app)
      .post("/api/quickbooks/reconciliation")
      .set("authorization", await auth())
      .send({
        pairs: [{ partId: part.id, quickBooksId: item, keepShopmonkey: ["name", "retailCost"] }],
        importOnlyInQuickBooks: true,
        createOnlyInShopmonkey: false,
      })
      .expect(201);
    expect(res.body).toMatchObject({ linked: 1, quantityNotes: [] });
    const list = await request(t.app)
      .get("/api/quickbooks/imports")
      .set("authorization", await auth());
    for (const job of list.body.items as { id: string }[]) await waitForJob(t, shop, job.id);
    const after = (await partsOf(t, shop)).find((p) => p.id === part.id);
    expect(after).toMatchObject({
      description: "Air filter",
      retailCost: "12.5",
      cost: "4",
      quickBooksItemRef: item,
    });
    const qb = (await itemsIn(t, shop)).find((i) => i.Id === item);
    expect(qb).toMatchObject({ Name: "Air filter", UnitPrice: 12.5, PurchaseCost: 4 });
    await request(t.app)
      .post("/api/quickbooks/reconciliation")
      .set("authorization", await auth())
      .send({ pairs: [{ partId: part.id, quickBooksId: item, keepShopmonkey: ["size"] }] })
      .expect(400);
  });
});
