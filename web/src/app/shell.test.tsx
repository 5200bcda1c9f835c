import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { demoMe, fakeServer, json } from "../test/fake-server";
import { renderApp } from "../test/render-app";

afterEach(() => vi.unstubAllGlobals());

describe("the shell", () => {
  it("shows the navigation, the shop and the signed-in user", async () => {
    fakeServer();
    renderApp("/settings/quickbooks/connection");

    const nav = await screen.findByRole("navigation", { name: "Main" });
    for (const name of ["Orders", "Inventory", "Customers", "Settings"]) {
      expect(within(nav).getByRole("link", { name })).toBeTruthy();
    }
    expect(screen.getByRole("banner")).toBeTruthy();
    expect(screen.getByRole("main")).toBeTruthy();
    expect(
      within(screen.getByRole("banner")).getByText("Demo Auto Repair", { selector: "p" }),
    ).toBeTruthy();
    expect(screen.getByText("Signed in as Dana Owner, Owner")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Skip to main content" }).getAttribute("href")).toBe(
      "#main-content",
    );
  });

  it("names a demo shop in the top bar as the switcher does, in the reader's language", async () => {
    fakeServer({
      "GET /api/me": () => json({ ...demoMe, shopId: "other-shop", shopName: "other-shop" }),
    });
    const user = userEvent.setup();
    renderApp("/settings/quickbooks/connection");
    const banner = await screen.findByRole("banner");
    expect(await within(banner).findByText("Other shop", { selector: "p" })).toBeTruthy();
    await user.selectOptions(screen.getByRole("combobox", { name: "Language" }), "fr");
    expect(await within(banner).findByText("Autre atelier", { selector: "p" })).toBeTruthy();
  });

  it("switches to French, and the QuickBooks tab reads « Importer et synchroniser »", async () => {
    fakeServer();
    const user = userEvent.setup();
    renderApp("/settings/quickbooks/connection");

    await screen.findByRole("tab", { name: "Import and Sync" });
    await user.selectOptions(screen.getByRole("combobox", { name: "Language" }), "fr");

    expect(await screen.findByRole("tab", { name: "Importer et synchroniser" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Connexion" }).getAttribute("aria-selected")).toBe(
      "true",
    );
    expect(screen.getByRole("tab", { name: "Configurer la comptabilité" })).toBeTruthy();
    expect(screen.getByRole("navigation", { name: "Principale" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("fr");
    expect(localStorage.getItem("qbo.language")).toBe("fr");
  });

  it("redirects / to the QuickBooks connection tab", async () => {
    fakeServer();
    const { router } = renderApp("/");
    await screen.findByRole("heading", { level: 1, name: "QuickBooks" });
    expect(router.state.location.pathname).toBe("/settings/quickbooks/connection");
  });

  it("shows a not-found page inside the shell for an unknown address", async () => {
    fakeServer();
    renderApp("/no-such-page");
    expect(await screen.findByRole("heading", { name: "Page not found" })).toBeTruthy();
    expect(screen.getByRole("navigation", { name: "Main" })).toBeTruthy();
  });

  it("says the session ended, with a retry, when the BFF refuses the token", async () => {
    fakeServer({
      "GET /api/me": () =>
        new Response(JSON.stringify({ error: { code: "unauthenticated", message: "expired" } }), {
          status: 401,
        }),
    });
    renderApp("/orders");
    expect(await screen.findByRole("heading", { name: "Your session has ended" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
  });
});
