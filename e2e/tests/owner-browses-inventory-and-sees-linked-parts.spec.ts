import { actAs } from "./support/identity";
import { expectNoAxeViolations, capture } from "./support/quickbooks";
import { expect, type Page, test } from "@playwright/test";

const partsTable = (page: Page) => page.getByRole("table", { name: "Parts" });
const rowOf = (page: Page, description: string) =>
  partsTable(page)
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: description, exact: true }) });

test.describe("an owner browses inventory and sees which parts are linked", () => {
  test.beforeEach(({ page }) => actAs(page, "demo-shop-browse"));
  test.use({ locale: "en-US" });

  test("the demo shop's own parts are listed, searchable, and open in detail", async ({ page }) => {
    await page.goto("/");
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Inventory" })
      .click();
    await expect(page.getByRole("heading", { level: 1, name: "Inventory" })).toBeVisible();

    // The demo shop starts with parts of its own, some sharing part numbers with QuickBooks.
    for (const name of ["Oil filter", "Brake pad set, front ceramic", "Tire valve stem TR413"]) {
      await expect(rowOf(page, name)).toBeVisible();
    }
    // A part QuickBooks doesn't have never carries the QuickBooks mark, imported or not.
    await expect(rowOf(page, "Tire valve stem TR413").getByRole("img")).toHaveCount(0);
    await expect(rowOf(page, "Tire valve stem TR413")).toContainText("Low stock");
    await expectNoAxeViolations(page);
    await capture(page, "inventory-list");

    await page.getByRole("searchbox", { name: "Search parts" }).fill("bp-1001");
    await expect(page).toHaveURL(/search=bp-1001/);
    await expect(partsTable(page).getByRole("row")).toHaveCount(2); // header + the one match
    await page.getByRole("searchbox", { name: "Search parts" }).fill("");
    await expect(page).not.toHaveURL(/search=/);

    // The checkbox reflects the URL, which the router updates in a transition: click, then
    // wait for the URL, rather than asking Playwright to see the box flip synchronously.
    const lowStock = page.getByRole("checkbox", { name: "Low stock only" });
    await lowStock.click();
    await expect(page).toHaveURL(/lowStock=true/);
    await expect(lowStock).toBeChecked();
    await expect(rowOf(page, "Tire valve stem TR413")).toBeVisible();
    await expect(rowOf(page, "Spark plug, iridium")).toHaveCount(0);
    await lowStock.click();
    await expect(page).not.toHaveURL(/lowStock=/);
    await expect(lowStock).not.toBeChecked();

    await rowOf(page, "Bulk gear oil 75W-90 (quart)").getByRole("link").click();
    await expect(
      page.getByRole("heading", { level: 1, name: "Bulk gear oil 75W-90 (quart)" }),
    ).toBeVisible();
    const details = page.getByRole("definition");
    await expect(details.filter({ hasText: "12.5" }).first()).toBeVisible(); // a fractional quantity, exact
    await expect(page.getByText("QuickBooks Item Reference")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Stock history" })).toBeVisible();
    await expect(page.getByRole("cell", { name: "Manual edit" })).toBeVisible();
    await expectNoAxeViolations(page);
    await capture(page, "part-detail");
  });

  test("in French, the same list reads « Inventaire » with the product's words", async ({
    page,
  }) => {
    await page.goto("/inventory");
    await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
    await expect(page.getByRole("heading", { level: 1, name: "Inventaire" })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: /Quantité disponible/ })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: /Coût de détail/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole("combobox", { name: "Langue" }).selectOption("en");
  });
});
