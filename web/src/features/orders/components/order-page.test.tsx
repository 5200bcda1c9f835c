import type { Order } from "@app/shared";
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import i18n from "../../../i18n";
import { demoMe, fakeServer, json } from "../../../test/fake-server";
import { renderApp } from "../../../test/render-app";

afterEach(() => vi.unstubAllGlobals());

const ID = "3f1c2a9e-8d4b-4f6a-9c1e-2b7d5a0e4c11";
const order = (quickBooks: Order["quickBooks"], over: Partial<Order> = {}): Order => ({
  id: ID,
  number: 1001,
  status: "invoiced",
  customer: { id: "c1", name: "Ada Lovelace", quickBooksCustomerRef: null },
  lines: [
    {
      id: "l1",
      kind: "part",
      partId: "p1",
      description: "Oil filter",
      quantity: "2.5",
      unitPrice: "7.99",
      amount: "19.98",
      quickBooksItemRef: "1",
      tracksStock: true,
    },
  ],
  total: "19.98",
  revision: 1,
  stockWarnings: [],
  quickBooks,
  createdAt: "2026-11-27T10:00:00.000Z",
  updatedAt: "2026-11-27T10:00:00.000Z",
  ...over,
});

describe("the order page", () => {
  it("shows a failed send with its fix and retries it", async () => {
    let current = order({
      status: "failed",
      error: { code: "quickbooks_unavailable", message: "QuickBooks did not answer" },
    });
    const server = fakeServer({
      [`GET /api/orders/${ID}`]: () => json(current),
      [`POST /api/orders/${ID}/quickbooks`]: () => {
        current = order({ status: "pending" });
        return json(current);
      },
    });
    renderApp(`/orders/${ID}`);
    const panel = await screen.findByRole("region", { name: "QuickBooks" });
    expect(within(panel).getByText("Failed")).toBeTruthy();
    expect(within(panel).getByRole("alert").textContent).toContain("nothing will be duplicated");
    await userEvent.setup().click(within(panel).getByRole("button", { name: "Retry" }));
    expect(await within(panel).findByText("Pending")).toBeTruthy();
    expect(server.mock.calls.some(([, init]) => init?.method === "POST")).toBe(true);
  });

  it("a duplicate number: says QuickBooks refused, that its stock waits, and offers the new number", async () => {
    let current = order({
      status: "failed",
      nextDocNumber: "SM-1001",
      error: {
        code: "quickbooks_6140",
        message: "QuickBooks refused the invoice: Duplicate Document Number Error",
      },
    });
    const server = fakeServer({
      [`GET /api/orders/${ID}`]: () => json(current),
      [`POST /api/orders/${ID}/quickbooks`]: () => {
        current = order({ status: "sent", invoiceId: "130", docNumber: "SM-1001" });
        return json(current);
      },
    });
    renderApp(`/orders/${ID}`);
    const panel = await screen.findByRole("region", { name: "QuickBooks" });
    expect(within(panel).getByText(/QuickBooks refused the invoice, so nothing/)).toBeTruthy();
    expect(within(panel).queryByText(/did not reach/)).toBeNull();
    expect(within(panel).getByRole("alert").textContent).toContain("already has this number");
    expect(within(panel).getByText(/QuickBooks' stock has not moved yet/)).toBeTruthy();
    await userEvent
      .setup()
      .click(within(panel).getByRole("button", { name: "Send with number SM-1001" }));
    expect(await within(panel).findByText(/Invoice no\. SM-1001/)).toBeTruthy();
    expect(within(panel).getByText(/already had an invoice numbered 1001/)).toBeTruthy();
    expect(within(panel).queryByText(/stock has not moved yet/)).toBeNull();
    const posts = server.mock.calls.filter(
      ([url, init]) =>
        init?.method === "POST" && typeof url === "string" && url.startsWith("/api/orders"),
    );
    expect(posts).toHaveLength(1);
  });

  it("says QuickBooks' refusal inside a French sentence in the French UI", async () => {
    await i18n.changeLanguage("fr");
    fakeServer({
      [`GET /api/orders/${ID}`]: () =>
        json(
          order({
            status: "failed",
            error: {
              code: "quickbooks_610",
              message: "QuickBooks refused the invoice: Object Not Found",
              reason: "quickbooks_refused_invoice",
              params: { detail: "Object Not Found" },
            },
          }),
        ),
    });
    renderApp(`/orders/${ID}`);
    expect(
      await screen.findByText(/QuickBooks a refusé la facture : Object Not Found/),
    ).toBeTruthy();
    expect(screen.queryByText(/refused the invoice/)).toBeNull();
  });

  it("says when invoicing drove a part below zero", async () => {
    fakeServer({
      [`GET /api/orders/${ID}`]: () =>
        json(
          order(
            { status: "sent", invoiceId: "130", docNumber: "1001", link: "https://x/130" },
            { stockWarnings: [{ partId: "p1", description: "Oil filter", quantityAfter: "-1.5" }] },
          ),
        ),
    });
    renderApp(`/orders/${ID}`);
    expect(await screen.findByText("Stock went below zero")).toBeTruthy();
    expect(screen.getByText(/Oil filter: -1\.5 available/)).toBeTruthy();
    expect(screen.getByText(/Invoice no\. 1001/)).toBeTruthy();
  });

  it("hides Invoice and Send from technicians", async () => {
    fakeServer({
      "GET /api/me": () => json({ ...demoMe, role: "technician" }),
      [`GET /api/orders/${ID}`]: () => json(order({ status: "not_sent" }, { status: "open" })),
    });
    renderApp(`/orders/${ID}`);
    expect(await screen.findByRole("region", { name: "QuickBooks" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Invoice" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Send to QuickBooks" })).toBeNull();
  });

  it("tells a technician who opens the new-order page directly that it is read-only", async () => {
    fakeServer({ "GET /api/me": () => json({ ...demoMe, role: "technician" }) });
    renderApp("/orders/new");
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Only the shop's owners, admins and managers can create or edit orders.",
    );
    expect(screen.queryByRole("button", { name: /save/i })).toBeNull();
  });
});
