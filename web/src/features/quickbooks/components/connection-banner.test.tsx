import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { demoMe, fakeServer, json } from "../../../test/fake-server";
import { renderApp } from "../../../test/render-app";

afterEach(() => vi.unstubAllGlobals());

const connection = (status: string) => ({
  status,
  realmId: "9341453050298531",
  companyName: "Riverside Auto Parts",
  connectedAt: "2026-11-01T10:00:00.000Z",
  connectedBy: "Dana Owner",
  refreshTokenExpiresAt: new Date(Date.now() + 90 * 86_400_000).toISOString(),
});
const emptyList = () => json({ items: [], total: 0, page: 1, pageSize: 50 });

describe("the connection banner", () => {
  it("shows on every page, with Reconnect one click away for owners", async () => {
    fakeServer({
      "GET /api/quickbooks/connection": () => json(connection("needs_reconnect")),
      "GET /api/customers?page=1&pageSize=50": emptyList,
    });
    renderApp("/customers");
    const banner = await screen.findByRole("alert");
    expect(banner.textContent).toContain("QuickBooks stopped accepting this connection");
    expect(within(banner).getByRole("button", { name: "Reconnect" })).toBeTruthy();
  });

  it("tells a technician whom to ask instead of offering a button", async () => {
    fakeServer({
      "GET /api/me": () => json({ ...demoMe, role: "technician" }),
      "GET /api/quickbooks/connection": () => json(connection("needs_reconnect")),
      "GET /api/customers?page=1&pageSize=50": emptyList,
    });
    renderApp("/customers");
    const banner = await screen.findByRole("alert");
    expect(banner.textContent).toContain("Ask an owner or admin of the shop to reconnect it.");
    expect(within(banner).queryByRole("button")).toBeNull();
  });

  it("appears as soon as any call learns QuickBooks refused the connection", async () => {
    let status = "connected";
    // The accounting tab reads QuickBooks; Intuit refuses the grant (the BFF records it).
    const refused = () => {
      status = "needs_reconnect";
      return json(
        { error: { code: "quickbooks_reconnect_required", message: "Reconnect QuickBooks" } },
        409,
      );
    };
    fakeServer({
      "GET /api/quickbooks/connection": () => json(connection(status)),
      "GET /api/quickbooks/accounting": () =>
        json({
          categoryItems: {
            parts: null,
            labor: null,
            tires: null,
            fees: null,
            subcontracts: null,
            shop_supplies: null,
          },
          autoSendInvoices: false,
          adjustmentAccountId: null,
        }),
      "GET /api/quickbooks/items?types=Service,NonInventory": refused,
      "GET /api/quickbooks/adjustment-accounts": refused,
    });
    renderApp("/settings/quickbooks/accounting");
    expect(
      await screen.findByText(
        /QuickBooks stopped accepting this connection/,
        {},
        { timeout: 20_000 },
      ),
    ).toBeTruthy();
  });
});
