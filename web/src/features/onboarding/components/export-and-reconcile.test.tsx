import type { ExportJob, ReconciliationProposal } from "@app/shared";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { demoMe, fakeServer, json } from "../../../test/fake-server";
import { renderApp } from "../../../test/render-app";

afterEach(() => vi.unstubAllGlobals());
const bodyOf = (body: BodyInit | null | undefined) => (typeof body === "string" ? body : "{}");
const urlOf = (url: RequestInfo | URL) =>
  typeof url === "string" ? url : url instanceof URL ? url.href : url.url;
if (!("setPointerCapture" in Element.prototype))
  Object.defineProperty(Element.prototype, "setPointerCapture", {
    value: () => undefined,
    configurable: true,
  });

const job = (over: Partial<ExportJob>): ExportJob => ({
  id: "e1",
  status: "running",
  total: 3,
  processed: 0,
  created: 0,
  linked: 0,
  skipped: 0,
  requestedBy: "Dana Owner",
  createdAt: "2026-11-27T18:00:00.000Z",
  ...over,
});

const side = (id: string, description: string, partNumber = "") => ({
  id,
  description,
  partNumber,
  kind: "inventory" as const,
  quantity: "4",
  retailCost: "10",
  cost: "5",
});
const item = (id: string, name: string, sku = "") => ({
  id,
  name,
  sku,
  type: "Inventory",
  quantity: "5",
  unitPrice: "10",
  purchaseCost: "5",
});

describe("Export to QuickBooks", () => {
  it("previews each part's fate with flags, then creates them and shows the counts", async () => {
    const polls = [
      job({ processed: 1 }),
      job({ status: "succeeded", processed: 3, created: 1, linked: 1, skipped: 1 }),
    ];
    let linkOil = false;
    const server = fakeServer({
      "POST /api/quickbooks/exports/preview": ({ init }) => {
        linkOil = bodyOf(init?.body).includes("p3");
        return json({
          items: [
            {
              partId: "p1",
              description: "Cabin filter",
              partNumber: "CF",
              itemType: "Inventory",
              plan: "create",
              skuTakenBy: [],
            },
            {
              partId: "p2",
              description: "Spark plug",
              partNumber: "SP-9",
              itemType: "Inventory",
              plan: "link_existing",
              skuTakenBy: [{ id: "9", name: "Spark plug (QB)" }],
              linkTo: { id: "9", name: "Spark plug (QB)" },
            },
            linkOil
              ? {
                  partId: "p3",
                  description: "Oil filter",
                  partNumber: "",
                  itemType: "NonInventory",
                  plan: "link_existing",
                  nameTakenBy: { id: "3", name: "Oil filter" },
                  skuTakenBy: [],
                  linkTo: { id: "3", name: "Oil filter" },
                }
              : {
                  partId: "p3",
                  description: "Oil filter",
                  partNumber: "",
                  itemType: "NonInventory",
                  plan: "skip",
                  nameTakenBy: { id: "3", name: "Oil filter" },
                  skuTakenBy: [],
                  canLinkByName: true,
                  reason: 'QuickBooks already has an item named "Oil filter"',
                },
          ],
          counts: linkOil
            ? { create: 1, linkExisting: 2, skip: 0 }
            : { create: 1, linkExisting: 1, skip: 1 },
        });
      },
      "POST /api/quickbooks/exports": () => json(job({}), 202),
      "GET /api/quickbooks/exports/e1": () => json(polls.length > 1 ? polls.shift() : polls[0]),
      "GET /api/quickbooks/exports/e1/records": () =>
        json({
          items: [
            {
              partId: "p3",
              description: "Oil filter",
              partNumber: "",
              outcome: "skipped",
              reason: "QuickBooks already has an item with this name",
            },
          ],
        }),
    });
    renderApp("/settings/quickbooks/export-to-quickbooks");
    expect(
      await screen.findByText("1 to create, 1 to link to an existing item, 1 skipped"),
    ).toBeTruthy();
    // The button says what it does, with plurals (never "Create 1 parts").
    expect(screen.getByRole("button", { name: "Create 1 part and link 1 part" })).toBeTruthy();
    const table = screen.getByRole("table");
    // A row that links says where to, not a warning.
    expect(
      within(table).getByText("Will be linked to “Spark plug (QB)” (same part number)"),
    ).toBeTruthy();
    expect(within(table).queryByText(/SKU already used/)).toBeNull();
    expect(
      within(table).getByText('QuickBooks already has an item named "Oil filter"'),
    ).toBeTruthy();
    const user = userEvent.setup();
    await user.click(within(table).getByRole("button", { name: "Link to “Oil filter” instead" }));
    expect(
      await screen.findByText("1 to create, 2 to link to existing items, 0 skipped"),
    ).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Create 1 part and link 2 parts" }));
    const started = server.mock.calls.find(
      ([url, init]) => urlOf(url) === "/api/quickbooks/exports" && init?.method === "POST",
    );
    expect(JSON.parse(bodyOf(started?.[1]?.body))).toEqual({ linkByName: ["p3"] });
    expect(
      await screen.findByText("1 created, 1 linked to an existing item, 1 skipped"),
    ).toBeTruthy();
    expect(
      await screen.findByText(/Skipped — QuickBooks already has an item with this name/),
    ).toBeTruthy();
  });
});

describe("Export to QuickBooks for a technician", () => {
  it("says who can export instead of loading forever", async () => {
    fakeServer({ "GET /api/me": () => json({ ...demoMe, role: "technician" }) });
    renderApp("/settings/quickbooks/export-to-quickbooks");
    expect(
      await screen.findByText(/Only owners and admins can create parts in QuickBooks/),
    ).toBeTruthy();
    expect(screen.queryByText("Loading…")).toBeNull();
  });
});

describe("the reconciliation assistant", () => {
  it("sends only the pairs the user confirmed, with the quantity to keep", async () => {
    const proposal: ReconciliationProposal = {
      linked: [],
      proposed: [
        {
          part: side("p1", "Oil filter (SM)", "OF-1"),
          item: { ...item("i1", "Oil filter", "OF-1"), purchaseCost: "3.25" },
          matchedBy: "sku",
          differences: ["name", "quantity", "cost"],
        },
        {
          part: side("p2", "Brake pads", "BP"),
          item: item("i2", "Brake pad set", "BP"),
          matchedBy: "sku",
          differences: ["name"],
        },
      ],
      ambiguous: [
        {
          by: "sku",
          key: "sp",
          parts: [side("p4", "Spark plug", "SP")],
          items: [item("i4", "Spark plug A", "SP"), item("i5", "Spark plug B", "SP")],
        },
      ],
      onlyInQuickBooks: [item("i6", "Coolant")],
      onlyInShopmonkey: [side("p5", "Cabin filter")],
    };
    const fetch = fakeServer({
      "GET /api/quickbooks/reconciliation": () => json(proposal),
      "POST /api/quickbooks/reconciliation": () =>
        json(
          {
            id: "r1",
            linked: 2,
            alreadyLinked: 0,
            skipped: [],
            quantityNotes: [],
            importsQueued: true,
            createdBy: "Dana Owner",
            createdAt: "2026-11-27T18:00:00.000Z",
          },
          201,
        ),
    });
    renderApp("/settings/quickbooks/reconcile");
    const user = userEvent.setup();
    await user.click(
      await screen.findByRole("checkbox", { name: "Link Brake pads with Brake pad set" }),
    );
    await user.click(screen.getByRole("button", { name: "Keep QuickBooks' values" }));
    await user.click(screen.getByRole("radio", { name: "Shopmonkey (4)" }));
    // Oil filter: the name change is said in words, and Shopmonkey's can be kept.
    expect(
      screen.getByText(/Changes in Shopmonkey: name “Oil filter \(SM\)” → “Oil filter”/),
    ).toBeTruthy();
    await user.click(screen.getByRole("radio", { name: "Shopmonkey (“Oil filter (SM)”)" }));
    expect(
      screen.getByText(/Changes in QuickBooks: name “Oil filter” → “Oil filter \(SM\)”/),
    ).toBeTruthy();
    // …and its cost, which differs too ($5.00 here, $3.25 there): all of Shopmonkey's, in bulk.
    expect(screen.getByRole("radio", { name: "QuickBooks ($3.25)" })).toHaveProperty(
      "checked",
      true,
    );
    await user.click(screen.getByRole("button", { name: "Keep Shopmonkey's values" }));
    expect(screen.getByRole("radio", { name: "Shopmonkey ($5.00)" })).toHaveProperty(
      "checked",
      true,
    );
    await user.selectOptions(screen.getByLabelText("Match Spark plug with"), "i5");
    expect(
      screen.getByText(
        "2 pairs will be linked. 2 parts will be created in QuickBooks. 1 item will be imported.",
      ),
    ).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Apply" }));
    expect(await screen.findByText("2 linked, 0 already linked, 0 skipped")).toBeTruthy();
    const post = fetch.mock.calls.find(
      ([url, init]) => urlOf(url).endsWith("/reconciliation") && init?.method === "POST",
    );
    expect(JSON.parse(bodyOf(post?.[1]?.body))).toEqual({
      pairs: [
        {
          partId: "p1",
          quickBooksId: "i1",
          quantityFrom: "shopmonkey",
          keepShopmonkey: ["name", "cost"],
        },
        // Matched by hand after "Keep Shopmonkey's values": its count follows that choice.
        { partId: "p4", quickBooksId: "i5", quantityFrom: "shopmonkey", keepShopmonkey: [] },
      ],
      importOnlyInQuickBooks: true,
      createOnlyInShopmonkey: true,
    });
  });
  it("keeps Shopmonkey's counts for every pair in one click, hand-matched pairs included", async () => {
    const proposal: ReconciliationProposal = {
      linked: [],
      proposed: [
        {
          part: side("p1", "Oil filter", "OF-1"),
          item: item("i1", "Oil filter", "OF-1"),
          matchedBy: "sku",
          differences: ["quantity"],
        },
        {
          part: side("p2", "Wiper", "WB"),
          item: item("i2", "Wiper", "WB"),
          matchedBy: "sku",
          differences: ["quantity"],
        },
      ],
      ambiguous: [
        {
          by: "sku",
          key: "sp",
          parts: [side("p4", "Spark plug", "SP")],
          items: [item("i4", "Spark plug A", "SP"), item("i5", "Spark plug B", "SP")],
        },
      ],
      onlyInQuickBooks: [],
      onlyInShopmonkey: [],
    };
    const fetch = fakeServer({
      "GET /api/quickbooks/reconciliation": () => json(proposal),
      "POST /api/quickbooks/reconciliation": () =>
        json(
          {
            id: "r2",
            linked: 3,
            alreadyLinked: 0,
            skipped: [],
            quantityNotes: [],
            importsQueued: false,
            createdBy: "Dana Owner",
            createdAt: "2026-11-28T18:00:00.000Z",
          },
          201,
        ),
    });
    renderApp("/settings/quickbooks/reconcile");
    const user = userEvent.setup();
    expect(
      await screen.findByText("2 pairs count different quantities. For all of them:"),
    ).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Keep Shopmonkey's counts" }));
    const chosen = screen
      .getAllByRole("radio", { checked: true })
      .map((r) => r.closest("label")?.textContent);
    expect(chosen.every((label) => label?.startsWith("Shopmonkey"))).toBe(true);
    await user.selectOptions(screen.getByLabelText("Match Spark plug with"), "i4");
    await user.click(screen.getByRole("button", { name: "Apply" }));
    await screen.findByText("3 linked, 0 already linked, 0 skipped");
    const post = fetch.mock.calls.find(
      ([url, init]) => urlOf(url).endsWith("/reconciliation") && init?.method === "POST",
    );
    expect(
      (JSON.parse(bodyOf(post?.[1]?.body)) as { pairs: { quantityFrom: string }[] }).pairs.map(
        (p) => p.quantityFrom,
      ),
    ).toEqual(["shopmonkey", "shopmonkey", "shopmonkey"]);
  });
});
