import type { ExportJob, ReconciliationProposal } from "@app/shared";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import i18n from "../../../i18n";
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

const pageOf = <T,>(items: T[], total = items.length, page = 1) => ({
  items,
  total,
  page,
  pageSize: 50,
});
type Sections = Pick<
  ReconciliationProposal,
  "linked" | "proposed" | "ambiguous" | "onlyInQuickBooks" | "onlyInShopmonkey"
>;
const stored = (
  sections: Sections,
  differing = { any: 0, quantity: 0 },
): ReconciliationProposal => ({
  id: "0b7e0c56-4a36-4ad4-9a4a-9f5d0c1f4a10",
  computedAt: "2026-11-28T17:55:00.000Z",
  stale: false,
  differing,
  ...sections,
});
const GET_PROPOSAL = (pages: Partial<Record<keyof Sections, number>> = {}) =>
  `GET /api/quickbooks/reconciliation?pageSize=50&linkedPage=${pages.linked ?? 1}&proposedPage=${
    pages.proposed ?? 1
  }&ambiguousPage=${pages.ambiguous ?? 1}&onlyInQuickBooksPage=${
    pages.onlyInQuickBooks ?? 1
  }&onlyInShopmonkeyPage=${pages.onlyInShopmonkey ?? 1}`;

describe("the reconciliation assistant", () => {
  it("sends only the pairs the user confirmed, with the quantity to keep", async () => {
    const proposal = stored(
      {
        linked: pageOf([]),
        proposed: pageOf([
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
        ]),
        ambiguous: pageOf([
          {
            by: "sku",
            key: "sp",
            parts: [side("p4", "Spark plug", "SP")],
            items: [item("i4", "Spark plug A", "SP"), item("i5", "Spark plug B", "SP")],
          },
        ]),
        onlyInQuickBooks: pageOf([item("i6", "Coolant")]),
        onlyInShopmonkey: pageOf([side("p5", "Cabin filter")]),
      },
      { any: 2, quantity: 1 },
    );
    const fetch = fakeServer({
      [GET_PROPOSAL()]: () => json(proposal),
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
      // The rest of the proposal is confirmed from the stored one, but the rejected pair.
      proposal: { id: proposal.id, side: "shopmonkey", rejected: ["p2"] },
      importOnlyInQuickBooks: true,
      createOnlyInShopmonkey: true,
    });
  });
  it("keeps Shopmonkey's counts for every pair in one click, hand-matched pairs included", async () => {
    const proposal = stored(
      {
        linked: pageOf([]),
        proposed: pageOf([
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
        ]),
        ambiguous: pageOf([
          {
            by: "sku",
            key: "sp",
            parts: [side("p4", "Spark plug", "SP")],
            items: [item("i4", "Spark plug A", "SP"), item("i5", "Spark plug B", "SP")],
          },
        ]),
        onlyInQuickBooks: pageOf([]),
        onlyInShopmonkey: pageOf([]),
      },
      { any: 2, quantity: 2 },
    );
    const fetch = fakeServer({
      [GET_PROPOSAL()]: () => json(proposal),
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
    // The two proposed pairs follow the side chosen for all; the hand-matched one is sent.
    expect(JSON.parse(bodyOf(post?.[1]?.body))).toMatchObject({
      pairs: [{ partId: "p4", quickBooksId: "i4", quantityFrom: "shopmonkey" }],
      proposal: { id: proposal.id, side: "shopmonkey", rejected: [] },
    });
  });

  it("pages through a large proposal, keeps a choice made on another page, and applies the rest in bulk", async () => {
    const pairAt = (n: number) => ({
      part: side(`p${n}`, `Shop part ${n}`, `SP-${n}`),
      item: item(`i${n}`, `QB item ${n}`, `SP-${n}`),
      matchedBy: "sku" as const,
      differences: [],
    });
    const proposedPage = (page: number) =>
      pageOf(
        Array.from({ length: page === 3 ? 20 : 50 }, (_, n) => pairAt((page - 1) * 50 + n)),
        120,
        page,
      );
    const sections = (page: number): Sections => ({
      linked: pageOf([]),
      proposed: proposedPage(page),
      ambiguous: pageOf([]),
      onlyInQuickBooks: pageOf([item("q1", "Coolant")]),
      onlyInShopmonkey: pageOf([side("s1", "Cabin filter")]),
    });
    const fetch = fakeServer({
      [GET_PROPOSAL()]: () => json(stored(sections(1))),
      [GET_PROPOSAL({ proposed: 2 })]: () => json(stored(sections(2))),
      "POST /api/quickbooks/reconciliation": () =>
        json(
          {
            id: "r3",
            linked: 119,
            alreadyLinked: 0,
            skipped: [],
            quantityNotes: [],
            importsQueued: true,
            createdBy: "Dana Owner",
            createdAt: "2026-11-28T18:00:00.000Z",
          },
          201,
        ),
    });
    renderApp("/settings/quickbooks/reconcile");
    const user = userEvent.setup();
    await user.click(
      await screen.findByRole("checkbox", { name: "Link Shop part 0 with QB item 0" }),
    );
    const pages = screen.getByRole("navigation", { name: "Pages of Proposed matches (120)" });
    expect(within(pages).getByText("1–50 of 120")).toBeTruthy();
    await user.click(within(pages).getByRole("button", { name: "Next" }));
    expect(
      await screen.findByRole("checkbox", { name: "Link Shop part 50 with QB item 50" }),
    ).toHaveProperty("checked", true);
    expect(screen.queryByRole("checkbox", { name: "Link Shop part 0 with QB item 0" })).toBeNull();
    expect(within(pages).getByText("51–100 of 120")).toBeTruthy();
    expect(
      screen.getByText(
        "119 pairs will be linked. 2 parts will be created in QuickBooks. 1 item will be imported.",
      ),
    ).toBeTruthy();
    await user.click(within(pages).getByRole("button", { name: "Previous" }));
    expect(
      await screen.findByRole("checkbox", { name: "Link Shop part 0 with QB item 0" }),
    ).toHaveProperty("checked", false);
    await user.click(screen.getByRole("button", { name: "Apply" }));
    await screen.findByText("119 linked, 0 already linked, 0 skipped");
    const post = fetch.mock.calls.find(
      ([url, init]) => urlOf(url).endsWith("/reconciliation") && init?.method === "POST",
    );
    expect(JSON.parse(bodyOf(post?.[1]?.body))).toMatchObject({
      pairs: [],
      proposal: { id: stored(sections(1)).id, side: "quickbooks", rejected: ["p0"] },
    });
  });

  it("reads QuickBooks again on Refresh and starts the choices over", async () => {
    const first = stored({
      linked: pageOf([]),
      proposed: pageOf([]),
      ambiguous: pageOf([]),
      onlyInQuickBooks: pageOf([item("q1", "Coolant")]),
      onlyInShopmonkey: pageOf([]),
    });
    fakeServer({
      [GET_PROPOSAL()]: () => json({ ...first, stale: true }),
      [`POST /api/quickbooks/reconciliation/refresh?${GET_PROPOSAL().split("?")[1]}`]: () =>
        json({
          ...first,
          id: "5d1f37c1-2a10-4ac4-a0d1-7c3f3c4f5b20",
          onlyInQuickBooks: pageOf([item("q1", "Coolant"), item("q2", "Fuel filter")]),
        }),
    });
    renderApp("/settings/quickbooks/reconcile");
    const user = userEvent.setup();
    expect(
      await screen.findByText(/Parts were added, removed, linked or unlinked since/),
    ).toBeTruthy();
    expect(screen.queryByText("Fuel filter")).toBeNull();
    await user.click(screen.getByRole("button", { name: "Refresh" }));
    expect(await screen.findByText("Fuel filter")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Only in QuickBooks (2)" })).toBeTruthy();
  });

  it("shows the proposal stored now when the one on screen was refreshed or applied elsewhere", async () => {
    const sectionsWith = (name: string): Sections => ({
      linked: pageOf([]),
      proposed: pageOf([]),
      ambiguous: pageOf([]),
      onlyInQuickBooks: pageOf([item("q1", name)]),
      onlyInShopmonkey: pageOf([]),
    });
    let reads = 0;
    fakeServer({
      [GET_PROPOSAL()]: () =>
        json(
          ++reads === 1
            ? stored(sectionsWith("Coolant"))
            : {
                ...stored(sectionsWith("Fuel filter")),
                id: "5d1f37c1-2a10-4ac4-a0d1-7c3f3c4f5b20",
              },
        ),
      "POST /api/quickbooks/reconciliation": () =>
        json(
          {
            error: {
              code: "conflict",
              message:
                "The proposal was refreshed or applied since it was opened: review it again before applying",
            },
          },
          409,
        ),
    });
    renderApp("/settings/quickbooks/reconcile");
    const user = userEvent.setup();
    await screen.findByText("Coolant");
    await user.click(screen.getByRole("button", { name: "Apply" }));
    expect(await screen.findByText("Could not apply")).toBeTruthy();
    expect(await screen.findByText("Fuel filter")).toBeTruthy();
    expect(screen.queryByText("Coolant")).toBeNull();
  });

  it("pages in French", async () => {
    fakeServer({
      [GET_PROPOSAL()]: () =>
        json(
          stored({
            linked: pageOf([]),
            proposed: pageOf([]),
            ambiguous: pageOf([]),
            onlyInQuickBooks: pageOf(
              Array.from({ length: 50 }, (_, n) => item(`q${n}`, `Article ${n}`)),
              1234,
            ),
            onlyInShopmonkey: pageOf([]),
          }),
        ),
    });
    await i18n.changeLanguage("fr");
    try {
      renderApp("/settings/quickbooks/reconcile");
      const pages = await screen.findByRole("navigation", {
        name: "Pages de Seulement dans QuickBooks (1234)",
      });
      expect(within(pages).getByText(/1–50 sur 1\s234/)).toBeTruthy();
      expect(within(pages).getByRole("button", { name: "Suivant" })).toBeTruthy();
      expect(screen.getByText(/^Proposition calculée le/)).toBeTruthy();
      expect(screen.getByRole("button", { name: "Actualiser" })).toBeTruthy();
    } finally {
      await i18n.changeLanguage("en");
    }
  });
});
