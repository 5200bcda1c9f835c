import { actAs } from "./support/identity";
import { capture, consent, expectNoAxeViolations, sandboxCompany } from "./support/quickbooks";
import { expect, type Page, test } from "@playwright/test";

const syncedIcons = (page: Page) =>
  page.getByRole("table", { name: "Parts" }).getByRole("img", { name: /Synced with QuickBooks/ });

test.describe("an owner connects the shop to another QuickBooks company", () => {
  test.beforeEach(({ page }) => actAs(page, "e2e-company-switch"));
  test.use({ locale: "en-US" });

  test("is asked first, and the parts stay as they were, unlinked", async ({ page }) => {
    const riverside = await sandboxCompany("Riverside Switch Motors", 30, 12);
    const other = await sandboxCompany("Other Books", 31, 8);

    await page.goto("/settings/quickbooks/connection");
    await consent(page, riverside);
    await expect(page.getByRole("heading", { name: "Riverside Switch Motors" })).toBeVisible();

    await page.getByRole("tab", { name: "Import and Sync" }).click();
    const inventory = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: "Inventory", exact: true }) });
    await inventory.getByRole("button", { name: "Run one-time import" }).click();
    await expect(
      page.locator("[data-sonner-toast]").filter({ hasText: "12 imported, 0 updated" }).first(),
    ).toBeVisible({ timeout: 20_000 });

    await page.goto("/inventory");
    await expect(syncedIcons(page)).toHaveCount(12);
    const names = await page
      .getByRole("table", { name: "Parts" })
      .getByRole("link")
      .allTextContents();

    // Disconnect: the links stay, and the tab says to which company.
    await page.goto("/settings/quickbooks/connection");
    await page.getByRole("button", { name: "Disconnect" }).click();
    await page
      .getByRole("alertdialog", { name: "Disconnect QuickBooks?" })
      .getByRole("button", { name: "Disconnect" })
      .click();
    await expect(
      page.getByText("Your 12 parts are linked to Riverside Switch Motors."),
    ).toBeVisible();

    // Another company at Intuit's page: nothing changes until the owner confirms.
    await consent(page, other);
    const ask = page.getByRole("alertdialog", { name: "Connect Other Books instead?" });
    await expect(ask).toContainText(
      "Your 12 parts are linked to Riverside Switch Motors. Connecting Other Books will unlink them; your records stay.",
    );
    await expect(ask.getByRole("button", { name: "Keep Riverside Switch Motors" })).toBeFocused();
    await expectNoAxeViolations(page);
    await capture(page, "connection-switch", false);
    await ask.getByRole("button", { name: "Connect Other Books" }).click();
    await expect(page.getByRole("heading", { name: "Other Books" })).toBeVisible();
    await expect(page.getByText("Nothing is linked to a QuickBooks company yet.")).toBeVisible();

    // The same parts, untouched, no longer linked to anything.
    await page.goto("/inventory");
    await expect(page.getByRole("table", { name: "Parts" }).getByRole("link")).toHaveText(names);
    await expect(syncedIcons(page)).toHaveCount(0);
  });
});
