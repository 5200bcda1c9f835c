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
  const proposal = async (query = "pageSize=200", as = shop) =>
    ReconciliationProposalSchema.parse(
      (
        await request(t.app)
          .get(`/api/quickbooks/reconciliation?${query}`)
          .set("authorization", `Bearer ${await t.token(as)}`)
          .expect(200)
      ).body,
    );
  const refresh = async (as = shop) =>
    ReconciliationProposalSchema.parse(
      (
        await request(t.app)
          .post("/api/quickbooks/reconciliation/refresh?pageSize=200")
          .set("authorization", `Bearer ${await t.token(as)}`)
          .expect(200)
      ).body,
    );
  const realmOf = async (as: string) =>
    (
      await request(t.app)
        .get("/api/quickbooks/connection")
        .set("authorization", `Bearer ${await t.token(as)}`)
    ).body.realmId as string;
  const reads = async (as = shop) => (await stats(sandbox, await realmOf(as))).requests;

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

  it("computes once for owners asking at once: one set of QuickBooks reads, one stored result", async () => {
    const realm = await realmOf(shop);
    // QuickBooks answers slowly, so six owners' first requests all arrive while one computes.
    await admin(sandbox, "POST", "/faults", { realmId: realm, latencyMs: 1500 });
    let six: Awaited<ReturnType<typeof proposal>>[];
    let together: number;
    try {
      const start = await reads();
      six = await Promise.all(Array.from({ length: 6 }, () => proposal()));
      together = (await reads()) - start;
    } finally {
      await admin(sandbox, "DELETE", "/faults");
    }
    for (const answer of six) expect(answer).toEqual(six[0]);
    // A refresh alone reads both sides once: the six together read no more than that.
    const before = await reads();
    const again = await refresh();
    expect(together).toBe((await reads()) - before);
    expect(together).toBeGreaterThan(0);
    expect(again.id).not.toBe(six[0]!.id);
  });

  it("proposes exactly the expected pairs, ambiguous groups and one-sided records", async () => {
    const p = await proposal();
    expect(p.linked.items.map((x) => x.part.id)).toEqual([ids.P6]);
    const pairs = p.proposed.items
      .map((x) => [x.part.id, x.item.id, x.matchedBy, x.differences.sort().join(",")])
      .sort();
    expect(pairs).toEqual(
      [
        [ids.P1, ids.I1, "sku", "name,quantity"],
        [ids.P2, ids.I2, "sku", "name"],
        [ids.P3, ids.I3, "name", "quantity"],
      ].sort(),
    );
    expect(p.ambiguous.items).toHaveLength(1);
    expect(p.ambiguous.items[0]).toMatchObject({ by: "sku", key: "sp" });
    expect(p.ambiguous.items[0]!.parts.map((x) => x.id)).toEqual([ids.P4]);
    expect(p.ambiguous.items[0]!.items.map((x) => x.id).sort()).toEqual([ids.I4, ids.I5].sort());
    expect(p.onlyInQuickBooks.items.map((x) => x.id).sort()).toEqual([ids.I6, ids.I7].sort());
    expect(p.onlyInShopmonkey.items.map((x) => x.id)).toEqual([ids.P5]);
    expect(p.differing).toEqual({ any: 3, quantity: 2 });
    expect(p.stale).toBe(false);
  });

  it("serves later reads from the stored result, without calling QuickBooks, until a refresh", async () => {
    const first = await proposal();
    const before = await reads();
    const second = await proposal();
    expect(await reads()).toBe(before);
    expect(second).toEqual(first);
    // An item added in QuickBooks since: not in the stored result, in the refreshed one.
    const added = await addItem(t, shop, { Name: "Fuel filter", Sku: "FF" });
    expect((await proposal()).onlyInQuickBooks.items.map((i) => i.id)).not.toContain(added);
    const atRefresh = await reads();
    const fresh = await refresh();
    expect(await reads()).toBeGreaterThan(atRefresh);
    expect(fresh.onlyInQuickBooks.items.map((i) => i.id)).toContain(added);
    expect(fresh.onlyInQuickBooks.total).toBe(first.onlyInQuickBooks.total + 1);
    expect(new Date(fresh.computedAt).getTime()).toBeGreaterThanOrEqual(
      new Date(first.computedAt).getTime(),
    );
    expect((await proposal()).id).toBe(fresh.id);
    // A part added since is not in it: the answer says so, and a refresh shows it.
    const part = await addPart(t, shop, { description: "Fuel filter", partNumber: "FF" });
    const stale = await proposal();
    expect(stale.stale).toBe(true);
    expect(stale.proposed.items.map((p) => p.part.id)).not.toContain(part.id);
    const shown = await refresh();
    expect(shown.stale).toBe(false);
    expect(shown.proposed.items.find((p) => p.part.id === part.id)?.item.id).toBe(added);
  });

  it("answers 400 with the field's path for a page out of bounds", async () => {
    for (const [query, path] of [
      ["pageSize=500", "query.pageSize"],
      ["proposedPage=0", "query.proposedPage"],
      ["onlyInShopmonkeyPage=x", "query.onlyInShopmonkeyPage"],
    ]) {
      const res = await request(t.app)
        .get(`/api/quickbooks/reconciliation?${query}`)
        .set("authorization", await auth());
      expect(res.status).toBe(400);
      expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
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
    const pair = (await proposal()).proposed.items.find((p) => p.part.id === part.id);
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

  it("pages every section with exact totals, and applies a proposal larger than a page in bulk: every part linked once", async () => {
    const other = "paged-shop";
    await freshCompany(t, sandbox, other);
    const pairs = new Map<string, string>(); // part → item
    for (let i = 0; i < 7; i++) {
      const item = await addItem(t, other, { Name: `QB name ${i}`, Sku: `PG-${i}`, QtyOnHand: 2 });
      const part = await addPart(t, other, {
        description: `Shop name ${i}`,
        partNumber: `pg-${i}`,
        quantityAvailable: "5",
      });
      pairs.set(part.id, item);
    }
    for (let i = 0; i < 4; i++) await addItem(t, other, { Name: `Only QB ${i}`, Sku: `OQ-${i}` });
    for (let i = 0; i < 5; i++)
      await addPart(t, other, { description: `Only shop ${i}`, partNumber: `OS-${i}` });

    // Pages of 3: every pair once across the pages, never more than 3 of a section per answer.
    const seen: string[] = [];
    const before = await reads(other);
    for (let page = 1; page <= 4; page++) {
      const p = await proposal(
        `pageSize=3&proposedPage=${page}&onlyInShopmonkeyPage=${page}&onlyInQuickBooksPage=${page}`,
        other,
      );
      expect(p.proposed).toMatchObject({ total: 7, page, pageSize: 3 });
      expect(p.onlyInShopmonkey.total).toBe(5);
      expect(p.onlyInQuickBooks.total).toBe(4);
      expect(p.proposed.items).toHaveLength([3, 3, 1, 0][page - 1]!);
      expect(p.onlyInShopmonkey.items).toHaveLength([3, 2, 0, 0][page - 1]!);
      expect(p.onlyInQuickBooks.items).toHaveLength([3, 1, 0, 0][page - 1]!);
      seen.push(...p.proposed.items.map((x) => `${x.part.id}:${x.item.id}`));
    }
    expect(seen.sort()).toEqual([...pairs].map(([part, item]) => `${part}:${item}`).sort());
    const shown = await proposal("pageSize=3", other);
    // The first read computed (count and one page of items); the other pages read nothing.
    expect((await reads(other)) - before).toBe(2);

    const [rejected, chosen] = [...pairs.keys()];
    const applyBulk = async (id: string) =>
      request(t.app)
        .post("/api/quickbooks/reconciliation")
        .set("authorization", `Bearer ${await t.token(other)}`)
        .send({
          // One pair with its own choice; one rejected; the five others confirmed in bulk.
          pairs: [{ partId: chosen, quickBooksId: pairs.get(chosen!), quantityFrom: "quickbooks" }],
          proposal: { id, side: "shopmonkey", rejected: [rejected] },
          importOnlyInQuickBooks: true,
          createOnlyInShopmonkey: true,
        });
    // A proposal that is no longer the stored one is refused: the owner never saw the new one.
    const outdated = shown.id;
    const current = await refresh(other);
    expect((await applyBulk(outdated)).status).toBe(409);

    const res = await applyBulk(current.id);
    expect(res.status).toBe(201);
    const run = res.body as ReconciliationRun;
    expect(run).toMatchObject({ linked: 6, alreadyLinked: 0, skipped: [], quantityNotes: [] });
    if (run.exportId) await waitForExport(t, other, run.exportId);
    const list = await request(t.app)
      .get("/api/quickbooks/imports")
      .set("authorization", `Bearer ${await t.token(other)}`);
    for (const job of list.body.items as { id: string }[]) await waitForJob(t, other, job.id);

    const parts = await partsOf(t, other);
    const items = await itemsIn(t, other);
    // The rejected pair is two records: its part is created in QuickBooks, its item imported.
    // 7 paired parts + 5 shop-only + 4 + 1 imported; 11 items + 5 + 1 created.
    expect(parts).toHaveLength(17);
    expect(items).toHaveLength(17);
    const refs = parts.map((p) => p.quickBooksItemRef);
    expect(refs.every((r) => r !== null)).toBe(true);
    expect(new Set(refs).size).toBe(parts.length);
    expect(new Set(refs)).toEqual(new Set(items.map((i) => i.Id)));
    for (const [part, item] of pairs) {
      const row = parts.find((p) => p.id === part)!;
      if (part === rejected) expect(row.quickBooksItemRef).not.toBe(item);
      else expect(row.quickBooksItemRef).toBe(item);
      // Shopmonkey's count kept in bulk (5); QuickBooks' where chosen (2).
      if (part !== rejected) expect(row.quantityAvailable).toBe(part === chosen ? "2" : "5");
    }
    // Applying replaced the stored proposal: the next read computes afresh.
    const after = await proposal("pageSize=3", other);
    expect(after.id).not.toBe(current.id);
    expect(after.linked.total).toBe(17);
    expect(after.proposed.total + after.onlyInShopmonkey.total).toBe(0);
  });
});
