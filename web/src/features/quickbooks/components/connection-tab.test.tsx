import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { demoMe, fakeServer, json } from "../../../test/fake-server";
import { renderApp } from "../../../test/render-app";

afterEach(() => vi.unstubAllGlobals());

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const connected = (over: Record<string, unknown> = {}) => ({
  status: "connected",
  realmId: "9341453050298531",
  companyName: "Riverside Auto Parts",
  connectedAt: "2026-11-01T10:00:00.000Z",
  connectedBy: "Dana Owner",
  refreshTokenExpiresAt: inDays(100),
  ...over,
});

describe("the QuickBooks connection tab", () => {
  it("explains connecting and offers the button to owners", async () => {
    fakeServer({ "GET /api/quickbooks/connection": () => json({ status: "not_connected" }) });
    renderApp("/settings/quickbooks/connection");
    expect(await screen.findByRole("button", { name: "Connect to QuickBooks" })).toBeTruthy();
  });

  it("tells technicians who can connect instead of showing the button", async () => {
    fakeServer({
      "GET /api/me": () => json({ ...demoMe, role: "technician" }),
      "GET /api/quickbooks/connection": () => json({ status: "not_connected" }),
    });
    renderApp("/settings/quickbooks/connection");
    expect(await screen.findByText(/Only the shop's owners and admins/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Connect to QuickBooks" })).toBeNull();
  });

  it("shows the company, who connected it, and disconnects after confirmation", async () => {
    let state: Record<string, unknown> = connected();
    const server = fakeServer({
      "GET /api/quickbooks/connection": () => json(state),
      "DELETE /api/quickbooks/connection": () => {
        state = { status: "not_connected" };
        return new Response(null, { status: 204 });
      },
    });
    const user = userEvent.setup();
    renderApp("/settings/quickbooks/connection");
    expect(await screen.findByRole("heading", { name: "Riverside Auto Parts" })).toBeTruthy();
    expect(screen.getByText("Dana Owner", { selector: "dd" })).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();

    await user.click(screen.getByRole("button", { name: "Disconnect" }));
    const dialog = screen.getByRole("alertdialog", { name: "Disconnect QuickBooks?" });
    expect(dialog.textContent).toContain("stay as they are");
    await user.click(within(dialog).getByRole("button", { name: "Disconnect" }));
    expect(await screen.findByRole("button", { name: "Connect to QuickBooks" })).toBeTruthy();
    expect(server.mock.calls.some(([, init]) => init?.method === "DELETE")).toBe(true);
  });

  it("warns days before the authorization lapses, and when it needs reconnecting", async () => {
    fakeServer({
      "GET /api/quickbooks/connection": () =>
        json(connected({ refreshTokenExpiresAt: inDays(5.5) })),
    });
    const first = renderApp("/settings/quickbooks/import");
    expect((await screen.findByRole("alert")).textContent).toContain("expires in 5 days");
    first.unmount();

    fakeServer({
      "GET /api/quickbooks/connection": () => json(connected({ status: "needs_reconnect" })),
    });
    renderApp("/settings/quickbooks/connection");
    expect((await screen.findByRole("alert")).textContent).toContain("stopped accepting");
    expect(screen.getByRole("button", { name: "Connect to QuickBooks" })).toBeTruthy();
  });

  it("asks before switching to another company, in the owner's words, and switches on confirm", async () => {
    const linkedCompany = {
      realmId: "9341453050298531",
      companyName: "Riverside Auto Parts",
      parts: 300,
      customers: 24,
      vendors: 0,
      categories: 6,
    };
    let state: Record<string, unknown> = connected({
      linkedCompany,
      pendingSwitch: {
        realmId: "4620816365",
        companyName: "Other Books",
        expiresAt: inDays(0.02),
      },
    });
    const server = fakeServer({
      "GET /api/quickbooks/connection": () => json(state),
      "POST /api/quickbooks/connection/switch": () => {
        state = connected({
          realmId: "4620816365",
          companyName: "Other Books",
          linkedCompany: {
            ...linkedCompany,
            realmId: "4620816365",
            companyName: "Other Books",
            parts: 0,
            customers: 0,
            categories: 0,
          },
        });
        return json(state);
      },
    });
    const user = userEvent.setup();
    renderApp("/settings/quickbooks/connection");
    const dialog = await screen.findByRole("alertdialog", { name: "Connect Other Books instead?" });
    expect(dialog.textContent).toContain(
      "Your 300 parts, 24 customers, and sales category mapping are linked to Riverside Auto Parts. Connecting Other Books will unlink them; your records stay.",
    );
    // The safe choice has the focus.
    expect(document.activeElement?.textContent).toBe("Keep Riverside Auto Parts");
    await user.click(within(dialog).getByRole("button", { name: "Connect Other Books" }));
    expect(await screen.findByRole("heading", { name: "Other Books" })).toBeTruthy();
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(screen.getByText("Nothing is linked to a QuickBooks company yet.")).toBeTruthy();
    expect(
      server.mock.calls.some(
        ([url, init]) =>
          typeof url === "string" && url.endsWith("/connection/switch") && init?.method === "POST",
      ),
    ).toBe(true);
  });

  it("keeps the current company when the owner says so", async () => {
    let state: Record<string, unknown> = {
      status: "not_connected",
      linkedCompany: {
        realmId: "9341453050298531",
        companyName: "Riverside Auto Parts",
        parts: 1,
        customers: 0,
        vendors: 0,
        categories: 0,
      },
      pendingSwitch: { realmId: "4620816365", companyName: "Other Books", expiresAt: inDays(0.02) },
    };
    fakeServer({
      "GET /api/quickbooks/connection": () => json(state),
      "DELETE /api/quickbooks/connection/switch": () => {
        const { pendingSwitch: _p, ...rest } = state;
        state = rest;
        return new Response(null, { status: 204 });
      },
    });
    const user = userEvent.setup();
    renderApp("/settings/quickbooks/connection");
    const dialog = await screen.findByRole("alertdialog");
    expect(dialog.textContent).toContain(
      "Your 1 part is linked to Riverside Auto Parts. Connecting Other Books will unlink it",
    );
    await user.keyboard("{Escape}");
    expect(await screen.findByText(/Your 1 part is linked to Riverside Auto Parts/)).toBeTruthy();
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });

  it("tells a French reader why an action failed in French, never in the server's English", async () => {
    fakeServer({
      "GET /api/quickbooks/connection": () => json(connected()),
      "DELETE /api/quickbooks/connection": () =>
        json(
          { error: { code: "quickbooks_unavailable", message: "QuickBooks is unavailable" } },
          502,
        ),
    });
    const user = userEvent.setup();
    renderApp("/settings/quickbooks/connection");
    await screen.findByRole("heading", { name: "Riverside Auto Parts" });
    await user.selectOptions(screen.getByRole("combobox", { name: "Language" }), "fr");
    await user.click(await screen.findByRole("button", { name: "Déconnecter" }));
    const dialog = screen.getByRole("alertdialog");
    await user.click(within(dialog).getByRole("button", { name: "Déconnecter" }));
    expect(
      await screen.findByText("QuickBooks n'a pas répondu. Réessayez dans quelques minutes."),
    ).toBeTruthy();
    expect(screen.queryByText("QuickBooks is unavailable")).toBeNull();
  });
});
