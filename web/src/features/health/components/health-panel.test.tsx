import type { Health } from "@app/shared";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import i18n from "../../../i18n";
import { demoMe, fakeServer, json } from "../../../test/fake-server";
import { renderApp } from "../../../test/render-app";

afterEach(async () => {
  vi.unstubAllGlobals();
  await i18n.changeLanguage("en");
});
if (!("setPointerCapture" in Element.prototype))
  Object.defineProperty(Element.prototype, "setPointerCapture", {
    value: () => undefined,
    configurable: true,
  });

const health = (over: Partial<Health> = {}): Health => ({
  connection: { status: "connected", companyName: "Demo Garage" },
  calls: {
    month: "2026-11",
    reads: 412_000,
    writes: 1_200,
    readBudget: 500_000,
    warning: true,
    days: [
      { day: "2026-11-26", reads: 2_000, writes: 300 },
      { day: "2026-11-27", reads: 400_000, writes: 600 },
      { day: "2026-11-28", reads: 10_000, writes: 300 },
    ],
  },
  problems: [
    {
      id: "invoice:o1:2",
      kind: "invoice_send",
      code: "invoice_not_sent",
      params: { number: 1042 },
      reason: { code: "quickbooks_610", detail: "Object Not Found: Invalid Reference Id" },
      message: "Invoice 1042 was not sent to QuickBooks: Object Not Found: Invalid Reference Id",
      recordUrl: "/orders/o1",
      at: "2026-11-28T10:00:00.000Z",
      retryable: true,
    },
    {
      id: "import:j1",
      kind: "import_skipped",
      code: "import_records_skipped",
      params: { count: 2, category: "customers" },
      reason: null,
      message: "2 QuickBooks customers records were skipped by an import",
      recordUrl: "/settings/quickbooks/import?run=j1",
      at: "2026-11-27T10:00:00.000Z",
      retryable: false,
    },
  ],
  drift: [
    { at: "2026-11-26T08:00:00.000Z", found: 0, checked: 41 },
    { at: "2026-11-27T08:00:00.000Z", found: 5, checked: 41 },
    { at: "2026-11-28T08:00:00.000Z", found: 2, checked: 41 },
  ],
  runs: [
    {
      id: "j1",
      category: "customers",
      status: "succeeded",
      at: "2026-11-27T09:00:00.000Z",
      imported: 40,
      updated: 0,
      skipped: 2,
      undone: false,
    },
    {
      id: "j2",
      category: "inventory",
      status: "succeeded",
      at: "2026-11-28T09:00:00.000Z",
      imported: 120,
      updated: 30,
      skipped: 0,
      undone: true,
    },
  ],
  ...over,
});

function server(initial: Health) {
  let state = initial;
  const calls: string[] = [];
  fakeServer({
    "GET /api/me": () => json(demoMe),
    "GET /api/quickbooks/connection": () => json({ status: "connected" }),
    "GET /api/quickbooks/health": () => json(state),
    "POST /api/quickbooks/health/problems/invoice%3Ao1%3A2/retry": () => {
      calls.push("retry");
      state = { ...state, problems: state.problems.filter((p) => p.id !== "invoice:o1:2") };
      return json({ retried: "invoice:o1:2" }, 202);
    },
    "POST /api/quickbooks/health/problems/import%3Aj1/dismiss": () => {
      calls.push("dismiss");
      state = { ...state, problems: state.problems.filter((p) => p.id !== "import:j1") };
      return new Response(null, { status: 204 });
    },
  });
  return calls;
}

describe("Settings → QuickBooks → Health", () => {
  it("draws the runs and the calls as images with text alternatives and their numbers", async () => {
    server(health());
    renderApp("/settings/quickbooks/health");
    const runs = await screen.findByRole("img", { name: /Import runs/ });
    expect(runs.getAttribute("aria-labelledby")).toBeTruthy();
    expect(runs.textContent).toContain("2 runs: 160 imported, 30 updated, 2 skipped in total.");
    const calls = screen.getByRole("img", { name: /QuickBooks calls per day/ });
    expect(calls.textContent).toContain(
      "Over 3 days, at most 400,000 reads on Nov 27; the budget allows about 16,667 a day.",
    );
    // The same numbers as a table, for reading or copying.
    const table = within(runs.closest("figure")!).getByRole("table", { hidden: true });
    const rows = within(table).getAllByRole("row", { hidden: true });
    expect(rows.map((r) => r.textContent)).toEqual([
      "ImportedUpdatedSkipped",
      "Nov 27 · Customers4002",
      "Nov 28 · Inventory (undone)120300",
    ]);
    // Drift found per check: the picture says it in a sentence, the table has each check.
    const drift = screen.getByRole("img", { name: /Drift found per check/ });
    expect(drift.textContent).toContain(
      "3 checks: the last found 2 of 41 linked parts different from QuickBooks; at most 5 on Nov 27.",
    );
    const driftTable = within(drift.closest("figure")!).getByRole("table", { hidden: true });
    expect(
      within(driftTable)
        .getAllByRole("cell", { hidden: true })
        .map((c) => c.textContent),
    ).toEqual(["0", "5", "2"]);
    const meter = screen.getByRole("meter", { name: "Reads used this month" });
    expect(meter.getAttribute("aria-valuetext")).toBe("412,000 of 500,000 reads (82%)");
    expect(screen.getByRole("alert").textContent).toContain("Over 80% of this month's reads");
  });

  it("says so when no drift check has run yet, in the picture's text and under its title", async () => {
    server(health({ drift: [] }));
    renderApp("/settings/quickbooks/health");
    const drift = await screen.findByRole("img", { name: /Drift found per check/ });
    expect(drift.textContent).toContain("No drift check yet.");
    expect(
      within(drift.closest("figure")!).getByText(/^No drift check yet\. Open the drift report/, {
        selector: "p",
      }),
    ).toBeTruthy();
  });

  it("retries a failed send once and dismisses a problem; the banner counts what is left", async () => {
    const calls = server(health());
    const user = userEvent.setup();
    renderApp("/settings/quickbooks/health");
    expect(await screen.findByText("2 sync problems need you.")).toBeTruthy();
    const list = within(
      (await screen.findByRole("heading", { name: "2 problems need you" })).closest("section")!,
    );
    expect(list.getByRole("link", { name: "Open the order" }).getAttribute("href")).toBe(
      "/orders/o1",
    );
    // The sentence from its code and params; a QuickBooks refusal we know, in plain words.
    expect(list.getByText("Invoice 1042 was not sent to QuickBooks.")).toBeTruthy();
    expect(
      list.getByText(/^Reason: Something it uses \(an item, account or customer\)/),
    ).toBeTruthy();
    // Skipped records have no retry, only their fix (the records) and dismiss.
    expect(list.getAllByRole("button", { name: "Retry" })).toHaveLength(1);
    await user.click(list.getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(screen.getByText("1 sync problem needs you.")).toBeTruthy());
    expect(calls).toEqual(["retry"]);
    await user.click(
      screen.getByRole("button", {
        name: "Dismiss: An import skipped 2 QuickBooks records (Customers).",
      }),
    );
    await waitFor(() => expect(screen.getByText(/Nothing needs you/)).toBeTruthy());
    expect(calls).toEqual(["retry", "dismiss"]);
    expect(screen.getByRole("link", { name: "Open Health" })).toBeTruthy(); // budget still warns
  });

  it("speaks French: every problem's sentence, its reason and the drift chart", async () => {
    await i18n.changeLanguage("fr");
    server(
      health({
        problems: [
          {
            id: "adjustment:p1:a1:2",
            kind: "stock_adjustment",
            code: "adjustment_refused",
            params: { part: "Filtre à huile", qtyDiff: "3" },
            reason: {
              code: "quickbooks_610",
              detail: "QuickBooks refused the adjustment: inactive",
            },
            message: 'QuickBooks refused the stock change of +3 to "Filtre à huile"',
            recordUrl: "/inventory/p1",
            at: "2026-11-28T11:00:00.000Z",
            retryable: true,
          },
          {
            id: "notice:n1",
            kind: "merge",
            code: "merge_needs_choice",
            params: { part: "Plaquettes", itemRef: "22", into: "23", otherPart: "Disques" },
            reason: null,
            message: "QuickBooks merged item 22 …",
            recordUrl: "/inventory/p2",
            fixUrl: "/settings/quickbooks/import",
            at: "2026-11-28T10:30:00.000Z",
            retryable: false,
          },
          {
            id: "invoice:o1:2",
            kind: "invoice_send",
            code: "invoice_not_sent",
            params: { number: 1042 },
            reason: { code: "quickbooks_unavailable", detail: "QuickBooks did not answer" },
            message: "Invoice 1042 was not sent to QuickBooks: QuickBooks did not answer",
            recordUrl: "/orders/o1",
            at: "2026-11-28T10:00:00.000Z",
            retryable: true,
          },
          {
            id: "catch_up:x",
            kind: "catch_up",
            code: "catch_up_failed",
            params: {},
            reason: { code: null, detail: "socket hang up" },
            message: "Catching up with QuickBooks changes failed: socket hang up",
            at: "2026-11-28T09:00:00.000Z",
            retryable: false,
          },
        ],
      }),
    );
    renderApp("/settings/quickbooks/health");
    const list = within(
      (
        await screen.findByRole("heading", { name: "4 problèmes demandent votre attention" })
      ).closest("section")!,
    );
    const items = list.getAllByRole("listitem");
    expect(within(items[0]!).getByText("Modification de stock absente de QuickBooks")).toBeTruthy();
    expect(
      within(items[0]!).getByText(
        "QuickBooks a refusé la modification de stock de +3 sur « Filtre à huile » ; rien n'a bougé là-bas.",
      ),
    ).toBeTruthy();
    expect(within(items[0]!).getByText(/^Motif : Un élément utilisé \(article/)).toBeTruthy();
    expect(within(items[0]!).getByRole("button", { name: "Réessayer" })).toBeTruthy();
    expect(
      within(items[0]!).getByRole("link", { name: "Ouvrir la pièce" }).getAttribute("href"),
    ).toBe("/inventory/p1");

    expect(within(items[1]!).getByText("Une fusion QuickBooks demande votre choix")).toBeTruthy();
    expect(
      within(items[1]!).getByText(
        "Dans QuickBooks, l'article 22 de « Plaquettes » a été fusionné avec l'article 23, que « Disques » suit déjà : choisissez la pièce qui garde le lien.",
      ),
    ).toBeTruthy();
    expect(
      within(items[1]!)
        .getByRole("link", { name: "Choisir la pièce qui garde le lien" })
        .getAttribute("href"),
    ).toBe("/settings/quickbooks/import");
    expect(within(items[1]!).queryByRole("button", { name: "Réessayer" })).toBeNull();

    // An API error code goes through the one error-message path, in French.
    expect(within(items[2]!).getByText("Facture non envoyée à QuickBooks")).toBeTruthy();
    expect(
      within(items[2]!).getByText("La facture 1042 n'a pas été envoyée à QuickBooks."),
    ).toBeTruthy();
    expect(within(items[2]!).getByText(/^Motif : QuickBooks n'a pas répondu/)).toBeTruthy();
    // Only free text stored: shown as it is, inside the French sentence.
    expect(
      within(items[3]!).getByText("Le rattrapage des modifications QuickBooks a échoué."),
    ).toBeTruthy();
    expect(within(items[3]!).getByText("Motif : socket hang up")).toBeTruthy();
    expect(
      within(items[3]!).getByRole("button", {
        name: "Ignorer : Le rattrapage des modifications QuickBooks a échoué.",
      }),
    ).toBeTruthy();
    expect(screen.queryByText(/was not sent|refused the stock change/)).toBeNull();

    const drift = screen.getByRole("img", { name: /Écarts trouvés par vérification/ });
    expect(drift.textContent).toContain(
      "3 vérifications : à la dernière, 2 pièces liées sur 41 différaient de QuickBooks ; au plus 5 le 27 nov.",
    );
  });

  it("speaks French", async () => {
    await i18n.changeLanguage("fr");
    server(health({ problems: [] }));
    renderApp("/settings/quickbooks/health");
    expect(await screen.findByRole("img", { name: /Importations/ })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Santé" })).toBeTruthy();
    expect(screen.getByText(/Rien ne demande votre attention/)).toBeTruthy();
  });
});
