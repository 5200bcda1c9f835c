import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer } from "../../../test/fake-server";
import { renderApp } from "../../../test/render-app";

afterEach(() => vi.unstubAllGlobals());

describe("Settings → QuickBooks tabs", () => {
  it("are links in a tablist, with one tab stop and arrow keys between them", async () => {
    fakeServer();
    const user = userEvent.setup();
    const { router } = renderApp("/settings/quickbooks/connection");

    const connection = await screen.findByRole("tab", { name: "Connection" });
    expect(connection.getAttribute("href")).toBe("/settings/quickbooks/connection");
    expect(screen.getByRole("tab", { name: "Configure accounting" }).tabIndex).toBe(-1);
    expect(screen.getByRole("tabpanel", { name: "Connection" })).toBeTruthy();

    connection.focus();
    await user.keyboard("{ArrowLeft}"); // wraps around to the last tab
    await waitFor(
      () => expect(router.state.location.pathname).toBe("/settings/quickbooks/health"),
      { timeout: 4000 },
    );
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "Health" }));
    await user.keyboard("{ArrowLeft}");
    await waitFor(
      () => expect(router.state.location.pathname).toBe("/settings/quickbooks/import"),
      { timeout: 4000 },
    );
    expect(document.activeElement).toBe(screen.getByRole("tab", { name: "Import and Sync" }));
    expect(
      await screen.findByRole("heading", { name: "Import your customers and inventory" }),
    ).toBeTruthy();
  });

  it("treats an unknown tab as a missing page", async () => {
    fakeServer();
    renderApp("/settings/quickbooks/bogus");
    expect(await screen.findByRole("heading", { name: "Page not found" })).toBeTruthy();
  });
});
