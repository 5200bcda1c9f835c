import type { AccountingSettings } from "@app/shared";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeServer, json } from "../../../test/fake-server";
import { renderApp } from "../../../test/render-app";

afterEach(() => vi.unstubAllGlobals());

const settings: AccountingSettings = {
  categoryItems: {
    parts: "43",
    labor: "47",
    tires: "46",
    fees: "44",
    subcontracts: "46",
    shop_supplies: "42",
  },
  autoSendInvoices: true,
  adjustmentAccountId: null,
};

describe("the stock adjustment account", () => {
  it("names QuickBooks' default until one is chosen, and saves the choice", async () => {
    const saved: unknown[] = [];
    fakeServer({
      "GET /api/quickbooks/connection": () =>
        json({ status: "connected", realmId: "1", companyName: "Riverside" }),
      "GET /api/quickbooks/accounting": () => json(settings),
      "GET /api/quickbooks/items?types=Service,NonInventory": () => json({ items: [] }),
      "GET /api/quickbooks/adjustment-accounts": () =>
        json({
          items: [
            { id: "80", name: "Cost of Goods Sold", type: "Cost of Goods Sold", subType: null },
            { id: "91", name: "Shop shrinkage", type: "Expense", subType: null },
          ],
          defaultId: "80",
        }),
      "PUT /api/quickbooks/accounting": ({ init }) => {
        const body = JSON.parse(init?.body as string) as AccountingSettings;
        saved.push(body);
        return json({ ...settings, ...body });
      },
    });
    const user = userEvent.setup();
    renderApp("/settings/quickbooks/accounting");
    const picker = await screen.findByRole("combobox", { name: "Adjustment account" });
    expect(
      await screen.findByRole("option", { name: "QuickBooks' usual account (Cost of Goods Sold)" }),
    ).toBeTruthy();
    await user.selectOptions(picker, "91");
    await user.click(screen.getByRole("button", { name: "Save accounting settings" }));
    await screen.findByText("Accounting settings saved");
    expect(saved).toEqual([expect.objectContaining({ adjustmentAccountId: "91" })]);
  });
});
