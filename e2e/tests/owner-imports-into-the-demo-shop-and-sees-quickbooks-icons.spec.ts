import { actAs } from "./support/identity";
import { connectQuickBooks, capture, expectNoAxeViolations } from "./support/quickbooks";
import { expect, type Page, test } from "@playwright/test";

const partsTable = (page: Page) => page.getByRole("table", { name: "Parts" });
const rowOf = (page: Page, partNumber: string) =>
  partsTable(page)
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: partNumber, exact: true }) });

/**
 * The "both" situation on the demo shop: it has parts of its own, some sharing part numbers
 * with the QuickBooks company. After an Inventory import, every linked part shows the
 * QuickBooks mark; the shop's own parts that QuickBooks doesn't have don't.
 */
test.describe("an owner imports into a shop that already has parts", () => {
  test.beforeEach(({ page }) => actAs(page, "demo-shop-import-icons"));
  test.use({ locale: "en-US" });

  test("matched and imported parts carry the QuickBooks mark and Item Reference", async ({
    page,
  }) => {
    await connectQuickBooks(page);

    await page.getByRole("tab", { name: "Import and Sync" }).click();
    const inventory = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { name: "Inventory", exact: true }) });
    await inventory.getByRole("button", { name: "Run one-time import" }).click();
    // Four of the shop's parts match a QuickBooks SKU (updated); BP-1001 is on two QuickBooks
    // items, so both are skipped as a conflict instead of guessed.
    const toast = page.locator("[data-sonner-toast]").last();
    await expect(toast).toContainText(/\d+ imported, 4 updated, 2 skipped/, { timeout: 20_000 });

    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Inventory" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Inventory" })).toBeVisible();
    await page.getByRole("searchbox", { name: "Search parts" }).fill("OF-2045");
    await expect(
      rowOf(page, "OF-2045").getByRole("img", { name: "Synced with QuickBooks (item 1)" }),
    ).toBeVisible();
    await page.getByRole("searchbox", { name: "Search parts" }).fill("TVS-413");
    await expect(rowOf(page, "TVS-413")).toBeVisible();
    await expect(rowOf(page, "TVS-413").getByRole("img")).toHaveCount(0);
    await page.getByRole("searchbox", { name: "Search parts" }).fill("BP-1001");
    await expect(rowOf(page, "BP-1001").getByRole("img")).toHaveCount(0);
    await page.getByRole("searchbox", { name: "Search parts" }).fill("");

    await page.getByRole("combobox", { name: "QuickBooks" }).selectOption({ label: "Linked" });
    await expect(
      partsTable(page)
        .getByRole("img", { name: /Synced with QuickBooks/ })
        .first(),
    ).toBeVisible();
    // Scan the settled list, not the faded one shown while the filtered page loads.
    await expect(partsTable(page)).toHaveAttribute("aria-busy", "false");
    await expectNoAxeViolations(page);
    await capture(page, "inventory-linked");

    await page
      .getByRole("combobox", { name: "QuickBooks" })
      .selectOption({ label: "Linked or not" });
    await page.getByRole("searchbox", { name: "Search parts" }).fill("OF-2045");
    await rowOf(page, "OF-2045").getByRole("link").click();
    // Matched by part number, the shop's part now follows QuickBooks: description ← Name.
    await expect(
      page.getByRole("heading", { level: 1, name: "Oil Filter - Standard" }),
    ).toBeVisible();
    await expect(page.getByText("QuickBooks Item Reference")).toBeVisible();
    await expect(page.getByRole("cell", { name: "Import" }).first()).toBeVisible();
  });
});
