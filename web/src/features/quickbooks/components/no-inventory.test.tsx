import type { Capabilities } from "@app/shared";
import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import i18n from "../../../i18n";
import { fakeServer, json } from "../../../test/fake-server";
import { renderApp } from "../../../test/render-app";

afterEach(async () => {
  vi.unstubAllGlobals();
  await i18n.changeLanguage("en");
});

const essentials: Capabilities = {
  inventoryTracking: false,
  inventoryAdjustments: false,
  plan: "essentials",
  country: "US",
};

function server(capabilities?: Capabilities) {
  fakeServer({
    "GET /api/quickbooks/connection": () =>
      json({
        status: "connected",
        realmId: "9341453050298531",
        companyName: "Riverside Auto Parts (sandbox)",
        ...(capabilities ? { capabilities } : {}),
      }),
    "GET /api/quickbooks/starting-situation": () => json({ situation: null }),
    ...Object.fromEntries(
      (["customers", "inventory", "non_inventory"] as const).map((c) => [
        `GET /api/quickbooks/imports?category=${c}&limit=10`,
        () => json({ items: [] }),
      ]),
    ),
  });
}

const card = async (name: string) =>
  within((await screen.findByRole("heading", { name })).closest("section")!);

describe("a QuickBooks company without inventory tracking (Essentials)", () => {
  it("is told above the situations, on the Inventory card and in the drift report; Non-inventory still runs", async () => {
    server(essentials);
    renderApp("/settings/quickbooks/import");
    const note = await screen.findByText("This QuickBooks company does not track inventory");
    expect(note.closest("[role=note]")?.textContent).toContain(
      "On QuickBooks Online Essentials, QuickBooks keeps no stock counts",
    );
    const inventory = await card("Inventory");
    const run = inventory.getByRole("button", { name: "Run one-time import" });
    await waitFor(() => expect(run).toHaveProperty("disabled", true));
    expect(
      inventory.getByText(
        "This QuickBooks company (QuickBooks Online Essentials) does not track inventory, so it has no inventory items to import. Import your parts with Non-inventory instead.",
      ),
    ).toBeTruthy();
    const nonInventory = await card("Non-inventory");
    expect(nonInventory.getByRole("button", { name: "Run one-time import" })).toHaveProperty(
      "disabled",
      false,
    );
    expect(await screen.findByText(/the report compares costs and prices only/)).toBeTruthy();
  });

  it("says it in French", async () => {
    await i18n.changeLanguage("fr");
    server({ ...essentials, plan: "simple_start" });
    renderApp("/settings/quickbooks/import");
    expect(
      await screen.findByText("Cette entreprise QuickBooks ne suit pas les stocks"),
    ).toBeTruthy();
    const inventory = await card("Inventaire");
    expect(
      inventory.getByText(/QuickBooks Online Démarrage simple\) ne suit pas les stocks/),
    ).toBeTruthy();
  });

  it("a Plus company sees no such notice and its Inventory import runs", async () => {
    server({ ...essentials, inventoryTracking: true, inventoryAdjustments: true, plan: "plus" });
    renderApp("/settings/quickbooks/import");
    const inventory = await card("Inventory");
    await waitFor(() =>
      expect(inventory.getByRole("button", { name: "Run one-time import" })).toHaveProperty(
        "disabled",
        false,
      ),
    );
    expect(screen.queryByText("This QuickBooks company does not track inventory")).toBeNull();
  });
});
