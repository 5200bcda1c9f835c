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
      message: "Invoice 1042 was not sent to QuickBooks: Invalid Reference Id",
      recordUrl: "/orders/o1",
      at: "2026-11-28T10:00:00.000Z",
      retryable: true,
    },
    {
      id: "import:j1",
      kind: "import_skipped",
      message: "2 QuickBooks customers records were skipped by an import",
      recordUrl: "/settings/quickbooks/import?run=j1",
      at: "2026-11-27T10:00:00.000Z",
      retryable: false,
    },
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
    const meter = screen.getByRole("meter", { name: "Reads used this month" });
    expect(meter.getAttribute("aria-valuetext")).toBe("412,000 of 500,000 reads (82%)");
    expect(screen.getByRole("alert").textContent).toContain("Over 80% of this month's reads");
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
    // Skipped records have no retry, only their fix (the records) and dismiss.
    expect(list.getAllByRole("button", { name: "Retry" })).toHaveLength(1);
    await user.click(list.getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(screen.getByText("1 sync problem needs you.")).toBeTruthy());
    expect(calls).toEqual(["retry"]);
    await user.click(
      screen.getByRole("button", { name: /Dismiss: 2 QuickBooks customers records/ }),
    );
    await waitFor(() => expect(screen.getByText(/Nothing needs you/)).toBeTruthy());
    expect(calls).toEqual(["retry", "dismiss"]);
    expect(screen.getByRole("link", { name: "Open Health" })).toBeTruthy(); // budget still warns
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
